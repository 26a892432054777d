package io.fluentdl.search;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * A Parzen-window density on one axis of the unit cube, fitted to the unit coordinates of some
 * trials: the l(x) and g(x) of {@link TpeSampler}. Numeric axes get a mixture of Gaussians truncated
 * to [0, 1], one per trial plus a broad prior; choices and bools get smoothed category frequencies.
 *
 * <p>The settings are Optuna's TPE defaults (Optuna 3.x {@code _ParzenEstimator}, univariate): the
 * prior has weight 1, mean 1/2 and width 1 (the whole range); a trial's bandwidth is the larger
 * distance to its neighbours among the trials and the prior's mean, except that the lowest and
 * highest use their one inner neighbour (Optuna's {@code consider_endpoints=False}); bandwidths are
 * clipped to [1 / min(100, n + 2), 1] (hyperopt's "magic clip", n trials); the trials older than
 * the latest {@value #FLAT_WEIGHTS} get linearly smaller weights (Bergstra et al. 2013).
 */
abstract class ParzenEstimator {

    /** Weight of the prior component, relative to one trial's weight 1: {@value} (Optuna's prior_weight). */
    static final double PRIOR_WEIGHT = 1.0;
    /** The newest trials that keep full weight: {@value} (Optuna's default_weights). */
    static final int FLAT_WEIGHTS = 25;

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    /** A value in [0, 1] drawn from the density. */
    abstract double sample(SplittableRandom rng);

    /** The log of the density (numeric) or of the probability of u's category (choices) at {@code u}. */
    abstract double logPdf(double u);

    /**
     * A truncated Gaussian mixture fitted to {@code observations}.
     *
     * @param observations unit coordinates in [0, 1], oldest trial first (the order sets the weights)
     */
    static ParzenEstimator numeric(double[] observations) {
        return new Numeric(observations);
    }

    /**
     * Smoothed frequencies of {@code categories} categories.
     *
     * @param observations unit coordinates in [0, 1] (a category is an equal share), oldest trial first
     */
    static ParzenEstimator categorical(double[] observations, int categories) {
        return new Categorical(observations, categories);
    }

    /**
     * Mixture weights: one per observation (oldest first), then the prior's, summing to 1. Older
     * trials beyond the newest {@value #FLAT_WEIGHTS} ramp linearly from 1/n up to 1, so early
     * random trials fade as the search learns (Optuna's default_weights).
     */
    static double[] weights(int n) {
        double[] w = new double[n + 1];
        int ramp = Math.max(0, n - FLAT_WEIGHTS);
        for (int i = 0; i < n; i++) {
            w[i] = i >= ramp ? 1 : ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
        }
        w[n] = PRIOR_WEIGHT;
        double sum = Arrays.stream(w).sum();
        for (int i = 0; i <= n; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /**
     * Each observation's bandwidth: the larger gap to its neighbours in the sorted observations plus
     * the prior's mean 1/2, with 0 and 1 as outer neighbours, except the lowest and highest point,
     * which use their inner gap (so a lone trial at the edge is not widened by the empty edge);
     * then clipped to [1 / min(100, n + 2), 1].
     */
    static double[] bandwidths(double[] observations) {
        int n = observations.length;
        int m = n + 1;
        double[] points = Arrays.copyOf(observations, m);
        points[n] = 0.5;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> points[i]));
        double[] edges = new double[m + 2];
        edges[m + 1] = 1;
        for (int j = 0; j < m; j++) {
            edges[j + 1] = points[order[j]];
        }
        double[] sorted = new double[m];
        for (int j = 0; j < m; j++) {
            sorted[j] = Math.max(edges[j + 1] - edges[j], edges[j + 2] - edges[j + 1]);
        }
        if (m >= 2) {
            sorted[0] = edges[2] - edges[1];
            sorted[m - 1] = edges[m] - edges[m - 1];
        }
        double min = 1 / Math.min(100.0, n + 2.0);
        double[] sigma = new double[n];
        for (int j = 0; j < m; j++) {
            if (order[j] < n) {
                sigma[order[j]] = Math.max(min, Math.min(1, sorted[j]));
            }
        }
        return sigma;
    }

    /** The standard normal distribution function, from {@link #erfc}. */
    static double phi(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /**
     * The complementary error function, with fractional error below 1.2e-7 everywhere (the
     * Chebyshev fit of Press et al., Numerical Recipes, 2nd ed., section 6.2).
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** Gaussians N(mu_i, sigma_i) cut to [0, 1] and renormalised, mixed with weights w_i. */
    static final class Numeric extends ParzenEstimator {
        final double[] mus;
        final double[] sigmas;
        final double[] weights;
        /** log(w_i / (sigma_i sqrt(2 pi) Z_i)), Z_i the component's mass inside [0, 1]. */
        private final double[] logScale;

        Numeric(double[] observations) {
            int n = observations.length;
            mus = Arrays.copyOf(observations, n + 1);
            mus[n] = 0.5;
            sigmas = Arrays.copyOf(bandwidths(observations), n + 1);
            sigmas[n] = 1;
            weights = weights(n);
            logScale = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                double mass = phi((1 - mus[i]) / sigmas[i]) - phi(-mus[i] / sigmas[i]);
                logScale[i] = Math.log(weights[i]) - Math.log(sigmas[i]) - LOG_SQRT_2PI - Math.log(mass);
            }
        }

        @Override
        double sample(SplittableRandom rng) {
            int i = pick(weights, rng.nextDouble());
            // rejection is exact, and cheap: every mean lies in [0, 1] and every sigma <= 1, so a draw
            // lands inside with probability >= phi(1) - phi(0) = 0.34
            while (true) {
                double x = mus[i] + sigmas[i] * rng.nextGaussian();
                if (x >= 0 && x <= 1) {
                    return x;
                }
            }
        }

        @Override
        double logPdf(double u) {
            // log-sum-exp: far from every narrow kernel each term underflows, yet l/g stays defined
            double max = Double.NEGATIVE_INFINITY;
            double[] terms = new double[mus.length];
            for (int i = 0; i < mus.length; i++) {
                double z = (u - mus[i]) / sigmas[i];
                terms[i] = logScale[i] - 0.5 * z * z;
                max = Math.max(max, terms[i]);
            }
            double sum = 0;
            for (double t : terms) {
                sum += Math.exp(t - max);
            }
            return max + Math.log(sum);
        }
    }

    /**
     * A mixture of one categorical per observation (its category gets 1 + p/(n + 1), every category
     * p/(n + 1), then normalised; p the prior weight) and a uniform prior, with the same weights
     * as the numeric mixture: Optuna's smoothing.
     */
    static final class Categorical extends ParzenEstimator {
        final double[] probabilities;

        Categorical(double[] observations, int categories) {
            int n = observations.length;
            double[] w = weights(n);
            double fill = PRIOR_WEIGHT / (n + 1);
            double rowSum = 1 + categories * fill;
            probabilities = new double[categories];
            for (int c = 0; c < categories; c++) {
                probabilities[c] = w[n] / categories;
            }
            for (int i = 0; i < n; i++) {
                int observed = Scales.index(observations[i], categories);
                for (int c = 0; c < categories; c++) {
                    probabilities[c] += w[i] * (fill + (c == observed ? 1 : 0)) / rowSum;
                }
            }
        }

        @Override
        double sample(SplittableRandom rng) {
            return (pick(probabilities, rng.nextDouble()) + 0.5) / probabilities.length;
        }

        @Override
        double logPdf(double u) {
            return Math.log(probabilities[Scales.index(u, probabilities.length)]);
        }
    }

    /** The index whose cumulative weight first exceeds {@code r} (r uniform in [0, 1)). */
    private static int pick(double[] weights, double r) {
        double cumulative = 0;
        for (int i = 0; i < weights.length - 1; i++) {
            cumulative += weights[i];
            if (r < cumulative) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
