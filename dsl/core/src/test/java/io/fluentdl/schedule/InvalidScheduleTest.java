package io.fluentdl.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every schedule refuses bad parameters at the call, naming the parameter and its value in one line. */
class InvalidScheduleTest {

    private static final Period P = Period.iterations(10);

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("period length 0", () -> Period.iterations(0), "length", 0L, "length must be >= 1"),
                bad("period unit null", () -> new Period(5, null), "unit", null, "unit must not be null"),
                bad("constant 0", () -> LearningRate.constant(0), "learningRate", 0.0, "must be a finite number > 0"),
                bad("step factor > 1", () -> StepDecay.of(0.1, 1.5, P), "factor", 1.5, "factor must be in (0, 1]"),
                bad("step no period", () -> StepDecay.of(0.1, 0.5, null), "every", null, "every must not be null"),
                bad("exp rate 0", () -> ExponentialDecay.of(0.1, 0.0, P), "decayRate", 0.0, "decayRate must be in (0, 1]"),
                bad("exp initial NaN", () -> ExponentialDecay.of(Double.NaN, 0.5, P), "initialLearningRate", Double.NaN,
                        "initialLearningRate must be a finite number > 0"),
                bad("inverse rate < 0", () -> InverseTimeDecay.of(0.1, -1, P), "decayRate", -1.0, "must be a finite number >= 0"),
                bad("inverse power 0", () -> InverseTimeDecay.of(0.1, 1, P).power(0), "power", 0.0, "power must be a finite number > 0"),
                bad("linear floor above start", () -> LinearDecay.of(0.01, 0.1, P), "endLearningRate", 0.1,
                        "endLearningRate must be below initialLearningRate, got endLearningRate=0.1, initialLearningRate=0.01"),
                bad("linear floor < 0", () -> LinearDecay.of(0.1, -0.01, P), "endLearningRate", -0.01, "must be a finite number >= 0"),
                bad("poly end = start", () -> PolynomialDecay.of(0.1, 0.1, P), "endLearningRate", 0.1, "must be below initialLearningRate"),
                bad("poly power < 0", () -> PolynomialDecay.of(0.1, 0, P).power(-2), "power", -2.0, "power must be a finite number > 0"),
                bad("cyclical max <= base", () -> Cyclical.triangular(0.01, 0.001, P), "maxLearningRate", 0.001,
                        "maxLearningRate must be above baseLearningRate, got maxLearningRate=0.001, baseLearningRate=0.01"),
                bad("cyclical gamma > 1", () -> Cyclical.expRange(0.001, 0.01, P, 1.01), "gamma", 1.01, "gamma must be in (0, 1]"),
                bad("cyclical gamma on triangular", () -> new Cyclical(Cyclical.Mode.TRIANGULAR, 0.001, 0.01, P, 0.5),
                        "gamma", 0.5, "gamma applies only to EXP_RANGE, got mode=TRIANGULAR, gamma=0.5"),
                bad("sgdr peak 0", () -> CosineRestarts.peak(0), "peak", 0.0, "peak must be a finite number > 0"),
                bad("sgdr min above peak", () -> CosineRestarts.peak(1e-3).firstPeriod(P).minLearningRate(0.01),
                        "minLearningRate", 0.01, "minLearningRate must be below the peak, got minLearningRate=0.01, peak=0.001"),
                bad("sgdr T_mult < 1", () -> CosineRestarts.peak(1e-3).firstPeriod(P).periodMultiplier(0.5),
                        "periodMultiplier", 0.5, "periodMultiplier must be a finite number >= 1"),
                bad("sgdr m > 1", () -> CosineRestarts.peak(1e-3).firstPeriod(P).peakMultiplier(2),
                        "peakMultiplier", 2.0, "peakMultiplier must be in (0, 1]"),
                bad("sgdr no period", () -> CosineRestarts.peak(1e-3).firstPeriod(null), "firstPeriod", null, "must not be null"),
                bad("warmup from < 0", () -> Warmup.linear(P, -0.1), "from", -0.1, "from must be a finite number >= 0"),
                bad("warmup nothing after", () -> Warmup.linear(P).then((LearningRate) null), "after", null, "after must not be null"),
                bad("warmup mixed units", () -> Warmup.linear(Period.iterations(100)).then(StepDecay.of(0.1, 0.5, Period.epochs(3))),
                        "after", StepDecay.of(0.1, 0.5, Period.epochs(3)),
                        "must count in the same unit, got duration=iterations(100), after=StepDecay["),
                bad("one-cycle pctStart 1", () -> OneCycle.max(0.1).over(P).pctStart(1.0), "pctStart", 1.0, "pctStart must be in (0, 1)"),
                bad("one-cycle divFactor < 1", () -> OneCycle.max(0.1).over(P).divFactor(0.5), "divFactor", 0.5,
                        "divFactor must be a finite number >= 1"),
                bad("one-cycle finalDivFactor inf", () -> OneCycle.max(0.1).over(P).finalDivFactor(Double.POSITIVE_INFINITY),
                        "finalDivFactor", Double.POSITIVE_INFINITY, "finalDivFactor must be a finite number >= 1"),
                bad("one-cycle momentum 1", () -> OneCycle.max(0.1).over(P).momentum(0.85, 1.0), "maxMomentum", 1.0,
                        "maxMomentum must be in [0.0, 1.0)"),
                bad("one-cycle base above max momentum", () -> OneCycle.max(0.1).over(P).momentum(0.99, 0.9), "baseMomentum", 0.99,
                        "baseMomentum must be in [0, maxMomentum], got baseMomentum=0.99, maxMomentum=0.9"),
                bad("sample negative", () -> LearningRates.sample(LearningRate.constant(0.1), -1, 10), "iterations", -1L,
                        "iterations must be in [0,"));
    }

    private static Arguments bad(String name, Executable call, String parameter, Object value, String fragment) {
        return Arguments.of(name, call, parameter, value, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRejectedWithParameterValueAndRule(String name, Executable call, String parameter, Object value, String fragment) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, call);
        Problem problem = e.problems().get(0);
        assertEquals(parameter, problem.parameter());
        assertEquals(value, problem.value());
        assertTrue(e.getMessage().contains(fragment), () -> String.format("'%s' lacks '%s'", e.getMessage(), fragment));
    }

    @Test
    void styleGuideMessageRendersInFull() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> CosineRestarts.peak(0.001).firstPeriod(P).minLearningRate(0.01));
        assertEquals("CosineRestarts: minLearningRate must be below the peak, got minLearningRate=0.01, peak=0.001.",
                e.getMessage());
    }

    @Test
    void singleValueMessageRendersInFull() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> OneCycle.max(0.1).over(P).pctStart(0));
        assertEquals("OneCycle: pctStart must be in (0, 1), got pctStart=0.0.", e.getMessage());
    }
}
