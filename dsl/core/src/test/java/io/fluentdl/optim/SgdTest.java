package io.fluentdl.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.ModelSpec;
import io.fluentdl.Specs;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.schedule.OneCycle;
import io.fluentdl.schedule.Period;
import io.fluentdl.schedule.Warmup;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Momentum schedules on {@link Sgd}: the spec, its rules, and its JSON. */
class SgdTest {

    static final OneCycle CYCLE = OneCycle.max(0.1).over(Period.iterations(100)).momentum(0.8, 0.95);

    static Stream<Sgd> scheduled() {
        return Stream.of(Sgd.oneCycle(CYCLE), Sgd.oneCycle(CYCLE, Momentum.NESTEROV),
                Sgd.of(0.01).momentum(MomentumSchedule.of(Warmup.linear(Period.epochs(10), 0.5).then(0.99))),
                Sgd.of(CYCLE).nesterov(MomentumSchedule.oneCycle(CYCLE)));
    }

    @ParameterizedTest
    @MethodSource("scheduled")
    void scheduledMomentumRoundTripsThroughSpecJson(Sgd sgd) {
        ModelSpec spec = Specs.caseStudy(BnPlacement.NONE).toBuilder().optimizer(sgd).build();
        assertEquals(spec, ModelSpec.fromJson(spec.toJson()), spec.toJson());
    }

    @Test
    void oneCycleCyclesRateAndMomentumTogether() {
        Sgd sgd = Sgd.oneCycle(CYCLE);
        assertEquals(Momentum.CLASSICAL, sgd.kind());
        assertEquals(CYCLE, sgd.learningRate());
        assertEquals(0.95, sgd.momentum());
        for (long t : new long[] {0, 15, 30, 60, 100}) {
            assertEquals(CYCLE.momentumAt(t, 0), sgd.momentumSchedule().valueAt(t, 0), 0.0);
        }
        assertEquals(0.8, sgd.momentumSchedule().valueAt(30, 0), 1e-12);   // lowest where the rate peaks
        assertEquals(Sgd.of(CYCLE).nesterov(MomentumSchedule.oneCycle(CYCLE)), Sgd.oneCycle(CYCLE, Momentum.NESTEROV));
    }

    @Test
    void fixedMomentumClearsASchedule() {
        Sgd sgd = Sgd.oneCycle(CYCLE).momentum(0.9);
        assertNull(sgd.momentumSchedule());
        assertEquals(0.9, sgd.momentum());
        assertEquals(new Sgd(CYCLE, Momentum.CLASSICAL, 0.9), sgd);
    }

    @Test
    void oneCyclesLearningRatesAreNotMistakenForMomentum() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> MomentumSchedule.of(CYCLE));
        assertEquals("values", e.problems().get(0).parameter());
        assertTrue(e.getMessage().contains("a OneCycle's values are learning rates, not momentum"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Use MomentumSchedule.oneCycle(cycle), or Sgd.oneCycle(cycle)."), e.getMessage());
    }

    @Test
    void badMomentumSchedulesAreRejected() {
        InvalidConfigException above = assertThrows(InvalidConfigException.class,
                () -> MomentumSchedule.of(Warmup.linear(Period.epochs(2), 1.5).then(0.9)));
        assertEquals("MomentumSchedule: momentum at step 0 must be in [0.0, 1.0), got momentum=1.5.", above.getMessage());
        InvalidConfigException none = assertThrows(InvalidConfigException.class, () -> Sgd.oneCycle(CYCLE, Momentum.NONE));
        assertEquals("Sgd: oneCycle cycles the momentum and needs kind=CLASSICAL or NESTEROV, got kind=NONE. "
                + "Use Sgd.of(cycle) for one-cycle without momentum.", none.getMessage());
        InvalidConfigException mismatch = assertThrows(InvalidConfigException.class,
                () -> new Sgd(CYCLE, Momentum.CLASSICAL, 0.9, MomentumSchedule.oneCycle(CYCLE)));
        assertTrue(mismatch.getMessage().contains("got momentum=0.9, momentumSchedule.initial()=0.95"), mismatch.getMessage());
        assertThrows(InvalidConfigException.class,
                () -> new Sgd(CYCLE, Momentum.NONE, 0, MomentumSchedule.oneCycle(CYCLE)));
    }
}
