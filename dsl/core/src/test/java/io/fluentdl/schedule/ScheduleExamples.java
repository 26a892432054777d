package io.fluentdl.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

/** One instance of every schedule, in both units where it matters; shared by the translation and JSON tests. */
public final class ScheduleExamples {

    /** Iterations per epoch used when a test walks the (iteration, epoch) clock. */
    public static final int ITERS_PER_EPOCH = 7;

    private ScheduleExamples() {
    }

    public static Map<String, LearningRate> all() {
        Map<String, LearningRate> m = new LinkedHashMap<>();
        m.put("constant", LearningRate.constant(0.01));
        m.put("step/iterations", StepDecay.of(0.1, 0.5, Period.iterations(25)));
        m.put("step/epochs", StepDecay.of(0.1, 0.1, Period.epochs(3)));
        m.put("exponential", ExponentialDecay.of(0.01, 0.9, Period.iterations(20)));
        m.put("inverse-time", InverseTimeDecay.of(0.1, 0.5, Period.epochs(2)).power(0.75));
        m.put("linear", LinearDecay.of(0.1, 0.001, Period.iterations(150)));
        m.put("polynomial", PolynomialDecay.of(0.01, 1e-4, Period.epochs(20)).power(2.0));
        m.put("triangular", Cyclical.triangular(0.001, 0.006, Period.iterations(10)));
        m.put("triangular2", Cyclical.triangular2(0.001, 0.006, Period.iterations(10)));
        m.put("exp-range", Cyclical.expRange(0.001, 0.006, Period.epochs(2), 0.9));
        m.put("sgdr", CosineRestarts.peak(1e-3).firstPeriod(Period.iterations(20))
                .periodMultiplier(2.0).peakMultiplier(0.8).minLearningRate(1e-5));
        m.put("sgdr/epochs", CosineRestarts.peak(0.05).firstPeriod(Period.epochs(3)).periodMultiplier(1.0));
        m.put("one-cycle", OneCycle.max(0.1).over(Period.iterations(200)).pctStart(0.25));
        m.put("one-cycle/linear", OneCycle.max(0.1).over(Period.epochs(30)).anneal(OneCycle.Anneal.LINEAR));
        m.put("warmup+sgdr", Warmup.linear(Period.iterations(15), 1e-5)
                .then(CosineRestarts.peak(1e-3).firstPeriod(Period.iterations(30))));
        m.put("warmup+constant", Warmup.linear(Period.epochs(2)).then(0.02));
        return m;
    }

    /** Equal within a few ulps of the larger value (formulas evaluated in a different order differ in the last bits). */
    public static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.max(Math.abs(expected), 1e-300), what);
    }
}
