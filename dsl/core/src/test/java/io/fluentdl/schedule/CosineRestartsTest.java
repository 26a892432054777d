package io.fluentdl.schedule;

import static io.fluentdl.schedule.ScheduleExamples.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CosineRestartsTest {

    /** Rows of sgdr.csv: unit, peak, min, T_0, T_mult, m, t, expected. */
    static List<String[]> sgdrTable() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                CosineRestartsTest.class.getResourceAsStream("/schedule/sgdr.csv")), StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.startsWith("#") && !l.startsWith("unit") && !l.isBlank())
                    .map(l -> l.split(",")).collect(Collectors.toList());
        }
    }

    @ParameterizedTest(name = "{index}: row {0}")
    @MethodSource("sgdrTable")
    void matchesSgdrEquationFive(String unit, String peak, String min, String t0, String tMult, String m,
                                 String t, String expected) {
        Period first = unit.equals("epochs") ? Period.epochs(Long.parseLong(t0)) : Period.iterations(Long.parseLong(t0));
        CosineRestarts lr = CosineRestarts.peak(Double.parseDouble(peak)).firstPeriod(first)
                .periodMultiplier(Double.parseDouble(tMult))
                .peakMultiplier(Double.parseDouble(m))
                .minLearningRate(Double.parseDouble(min));
        long time = Long.parseLong(t);
        double actual = unit.equals("epochs") ? lr.valueAt(777, time) : lr.valueAt(time, 3);
        assertEquals(Double.parseDouble(expected), actual, 1e-15, "t=" + t);
    }

    @Test
    void styleGuideCallSiteUsesKerasDefaultsUntilSet() {
        CosineRestarts lr = CosineRestarts.peak(1e-3).firstPeriod(Period.iterations(200));
        assertEquals(CosineRestarts.DEFAULT_PERIOD_MULTIPLIER, lr.periodMultiplier());
        assertEquals(CosineRestarts.DEFAULT_PEAK_MULTIPLIER, lr.peakMultiplier());
        assertEquals(CosineRestarts.DEFAULT_MIN_LEARNING_RATE, lr.minLearningRate());
    }

    @Test
    void restartsExactlyAtEveryCycleBoundaryFarOut() {
        // T_0 = 3, T_mult = 2: cycles start at 3 (2^i - 1); the log-based lookup must not be one off
        CosineRestarts lr = CosineRestarts.peak(0.1).firstPeriod(Period.iterations(3)).minLearningRate(0.001);
        for (int i = 0; i <= 25; i++) {
            long start = 3L * ((1L << i) - 1);
            assertClose(0.1, lr.valueAt(start, 0), "restart " + i);
            if (i > 0) {
                double previous = 3.0 * (1L << (i - 1));
                double expected = 0.001 + 0.5 * 0.099 * (1 + Math.cos(Math.PI * (previous - 1) / previous));
                assertClose(expected, lr.valueAt(start - 1, 0), "last step of cycle " + (i - 1));
            }
        }
    }

    @Test
    void neverFallsBelowTheMinimumEvenWithShrinkingPeaks() {
        CosineRestarts lr = CosineRestarts.peak(0.1).firstPeriod(Period.iterations(5)).peakMultiplier(0.5)
                .minLearningRate(0.01);
        for (int t = 0; t < 1000; t++) {
            double v = lr.valueAt(t, 0);
            if (v < 0.01 || v > 0.1) {
                throw new AssertionError(String.format("t=%d: %s outside [0.01, 0.1]", t, v));
            }
        }
    }
}
