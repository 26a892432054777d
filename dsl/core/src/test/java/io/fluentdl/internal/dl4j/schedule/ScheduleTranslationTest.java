package io.fluentdl.internal.dl4j.schedule;

import static io.fluentdl.schedule.ScheduleExamples.ITERS_PER_EPOCH;
import static io.fluentdl.schedule.ScheduleExamples.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fluentdl.internal.dl4j.ScheduleTranslator;
import io.fluentdl.schedule.LearningRate;
import io.fluentdl.schedule.LinearDecay;
import io.fluentdl.schedule.OneCycle;
import io.fluentdl.schedule.Period;
import io.fluentdl.schedule.ScheduleExamples;
import io.fluentdl.schedule.StepDecay;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/** The DL4J schedule gives the spec's values at every (iteration, epoch) DL4J will pass it. */
class ScheduleTranslationTest {

    static Stream<Arguments> schedules() {
        return ScheduleExamples.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void dl4jScheduleMatchesSpecAtEveryStep(String name, LearningRate rate) {
        ISchedule schedule = ScheduleTranslator.toSchedule(rate);
        for (int i = 0; i < 600; i++) {
            int epoch = i / ITERS_PER_EPOCH;
            assertClose(rate.valueAt(i, epoch), schedule.valueAt(i, epoch), String.format("%s at i=%d, epoch=%d", name, i, epoch));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void cloneIsEqualAndGivesTheSameValues(String name, LearningRate rate) {
        ISchedule schedule = ScheduleTranslator.toSchedule(rate);
        ISchedule clone = schedule.clone();
        assertEquals(schedule, clone);
        assertEquals(schedule.hashCode(), clone.hashCode());
        assertEquals(schedule.valueAt(123, 17), clone.valueAt(123, 17));
    }

    @Test
    void fixedRateHasNoScheduleForUpdatersButAFixedOneWhenNested() {
        assertNull(ScheduleTranslator.toDl4j(LearningRate.constant(0.01)));
        assertInstanceOf(FixedSchedule.class, ScheduleTranslator.toSchedule(LearningRate.constant(0.01)));
    }

    @Test
    void stepUsesDl4jStepScheduleWithTheSameUnit() {
        ISchedule s = ScheduleTranslator.toDl4j(StepDecay.of(0.1, 0.5, Period.epochs(3)));
        assertEquals(new StepSchedule(ScheduleType.EPOCH, 0.1, 0.5, 3), s);
    }

    @Test
    void linearDecayIsPolynomialDecayOfPowerOne() {
        ISchedule s = ScheduleTranslator.toDl4j(LinearDecay.of(0.1, 0.001, Period.iterations(50)));
        PolynomialDecaySchedule poly = assertInstanceOf(PolynomialDecaySchedule.class, s);
        assertEquals(1.0, poly.getPower());
        assertEquals(ScheduleType.ITERATION, poly.getScheduleType());
    }

    @Test
    void oneCycleMomentumScheduleMirrorsTheSpec() {
        OneCycle oneCycle = OneCycle.max(0.1).over(Period.iterations(100));
        ISchedule momentum = ScheduleTranslator.momentumToDl4j(oneCycle);
        assertNotNull(momentum);
        for (int i = 0; i <= 120; i++) {
            assertClose(oneCycle.momentumAt(i, 0), momentum.valueAt(i, 0), "momentum at " + i);
        }
        assertEquals(0.85, momentum.valueAt(30, 0), 1e-15);
    }
}
