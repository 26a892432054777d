package io.fluentdl.search;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParzenEstimatorTest {

    /** Composite Simpson's rule on [0, 1] with {@code n} (even) intervals. */
    private static double integrate(DoubleUnaryOperator f, int n) {
        double h = 1.0 / n;
        double sum = f.applyAsDouble(0) + f.applyAsDouble(1);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(i * h);
        }
        return sum * h / 3;
    }

    private static double mass(ParzenEstimator p) {
        return integrate(x -> Math.exp(p.logPdf(x)), 200_000);
    }

    @Test
    void erfcMatchesKnownValues() {
        assertEquals(1.0, ParzenEstimator.erfc(0), 2e-7);
        assertEquals(0.157299207050285, ParzenEstimator.erfc(1), 2e-7 * 0.158);
        assertEquals(1.842700792949715, ParzenEstimator.erfc(-1), 2e-7);
        assertEquals(0.8413447460685429, ParzenEstimator.phi(1), 1e-7);
        assertEquals(0.022750131948179195, ParzenEstimator.phi(-2), 1e-8);
    }

    @Test
    void bandwidthsFollowTheNeighbourRuleAtHandComputedPoints() {
        // with the prior's mean: 0.2 0.3 | 0.5 | 0.9, edges 0 and 1. Gaps: 0.2 -> inner gap 0.1 (lowest point);
        // 0.3 -> max(0.1, 0.2) = 0.2; 0.9 -> inner gap 0.4 (highest). Clip to >= 1 / (3 + 2) = 0.2.
        assertArrayEquals(new double[]{0.2, 0.2, 0.4}, ParzenEstimator.bandwidths(new double[]{0.2, 0.3, 0.9}), 1e-15);
        // order of the observations does not matter
        assertArrayEquals(new double[]{0.4, 0.2, 0.2}, ParzenEstimator.bandwidths(new double[]{0.9, 0.3, 0.2}), 1e-15);
        // one trial: its only neighbour is the prior mean (0.4 away); the clip floor is 1/3
        assertArrayEquals(new double[]{0.4}, ParzenEstimator.bandwidths(new double[]{0.1}), 1e-15);
        assertArrayEquals(new double[]{1.0 / 3}, ParzenEstimator.bandwidths(new double[]{0.45}), 1e-15);
        // 200 trials: floor 1/100; a middle point takes the larger of its two gaps
        double[] many = new double[200];
        for (int i = 0; i < many.length; i++) {
            many[i] = i < 199 ? 0.001 * i : 0.7;
        }
        double[] sigma = ParzenEstimator.bandwidths(many);
        assertEquals(0.01, sigma[50], 1e-15);
        assertEquals(0.7 - 0.5, sigma[199], 1e-15);
        assertEquals(0.5 - 0.198, sigma[198], 1e-12);
    }

    @Test
    void weightsAreFlatForTheNewest25AndRampForOlderTrials() {
        double[] w = ParzenEstimator.weights(3);
        assertArrayEquals(new double[]{0.25, 0.25, 0.25, 0.25}, w, 1e-15);
        double[] ramped = ParzenEstimator.weights(30);
        // ramp over the 5 oldest: 1/30 .. 1 evenly, then 25 ones, then the prior's 1
        double total = (5 * (1.0 / 30 + 1) / 2) + 25 + 1;
        assertEquals(1.0 / 30 / total, ramped[0], 1e-15);
        assertEquals(1 / total, ramped[4], 1e-15);
        assertEquals(1 / total, ramped[29], 1e-15);
        assertEquals(1 / total, ramped[30], 1e-15);
        assertEquals(1.0, java.util.Arrays.stream(ramped).sum(), 1e-12);
    }

    @Test
    void theTruncatedMixtureIntegratesToOneOnTheUnitInterval() {
        double[][] cases = {{}, {0.5}, {0.0, 1.0}, {0.02, 0.03, 0.97}, {0.2, 0.3, 0.9, 0.31, 0.32, 0.33, 0.34}};
        for (double[] observations : cases) {
            double m = mass(ParzenEstimator.numeric(observations));
            assertEquals(1.0, m, 1e-5, () -> String.format("mass %s for %s", m, java.util.Arrays.toString(observations)));
        }
        double[] narrow = new double[120];
        for (int i = 0; i < narrow.length; i++) {
            narrow[i] = 0.001 + 0.0001 * i;   // sigmas at the 1/100 floor, kernels cut at 0
        }
        assertEquals(1.0, mass(ParzenEstimator.numeric(narrow)), 1e-5);
    }

    @Test
    void truncationMatters() {
        // a kernel at the edge loses half its mass outside [0, 1]; without renormalising the mixture would
        // integrate to well under 1
        ParzenEstimator.Numeric p = (ParzenEstimator.Numeric) ParzenEstimator.numeric(new double[]{0.0, 0.0, 0.0});
        double untruncated = integrate(x -> {
            double sum = 0;
            for (int i = 0; i < p.mus.length; i++) {
                double z = (x - p.mus[i]) / p.sigmas[i];
                sum += p.weights[i] * Math.exp(-0.5 * z * z) / (p.sigmas[i] * Math.sqrt(2 * Math.PI));
            }
            return sum;
        }, 20_000);
        assertTrue(untruncated < 0.7, () -> "untruncated mass " + untruncated);
        assertEquals(1.0, mass(p), 1e-5);
    }

    @Test
    void samplesStayInTheUnitIntervalAndFollowTheDensity() {
        ParzenEstimator p = ParzenEstimator.numeric(new double[]{0.05, 0.1, 0.12, 0.8});
        SplittableRandom rng = new SplittableRandom(1);
        int n = 40_000;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double x = p.sample(rng);
            assertTrue(x >= 0 && x <= 1, () -> "sample " + x);
            mean += x / n;
        }
        double expected = integrate(x -> x * Math.exp(p.logPdf(x)), 20_000);
        // the sample mean's sd is below 0.3 / sqrt(40000) = 0.0015
        assertEquals(expected, mean, 0.006);
    }

    @Test
    void categoricalFrequenciesAreSmoothedAsHandComputed() {
        // 3 categories, observed 0, 0, 2 (unit centres 1/6 and 5/6): each trial's row is (1/4 + [its category]) / 1.75,
        // i.e. 5/7 and 1/7 twice; the prior row is 1/3 each; all four weigh 1/4.
        ParzenEstimator p = ParzenEstimator.categorical(new double[]{1.0 / 6, 0.1, 5.0 / 6}, 3);
        assertEquals(Math.log(10.0 / 21), p.logPdf(0.0), 1e-12);
        assertEquals(Math.log(4.0 / 21), p.logPdf(0.5), 1e-12);
        assertEquals(Math.log(7.0 / 21), p.logPdf(1.0), 1e-12);
        SplittableRandom rng = new SplittableRandom(3);
        int[] counts = new int[3];
        for (int i = 0; i < 21_000; i++) {
            double u = p.sample(rng);
            assertEquals(0.5, u * 3 - Math.floor(u * 3), 1e-12, "a sample is the centre of its category's share");
            counts[Scales.index(u, 3)]++;
        }
        assertEquals(10_000, counts[0], 300);
        assertEquals(4_000, counts[1], 300);
    }
}
