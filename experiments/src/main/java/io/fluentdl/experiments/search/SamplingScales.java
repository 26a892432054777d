package io.fluentdl.experiments.search;

import io.fluentdl.search.Hp;
import io.fluentdl.search.Sampler;
import io.fluentdl.search.SearchSpace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where do the draws land? 10,000 draws of a learning rate alpha in [1e-4, 1] uniform vs
 * log-uniform, and of an averaging constant beta in [0.9, 0.999] uniform vs with 1 - beta
 * log-uniform, through the search library's own Hps and random sampler. No training.
 *
 * <p>Uniform puts about 90% of alpha in [0.1, 1] (the top decade is 90% of the range); log-uniform
 * puts 25% in each of the four decades. Uniform puts about 9% of beta in [0.99, 0.999]; the 1 - beta
 * log scale puts half there, where the averaging window 1 / (1 - beta) grows from 100 to 1,000 steps.
 */
public final class SamplingScales {

    public static final int DRAWS = 10_000;
    public static final int QUICK_DRAWS = 2_000;
    /** Histogram bins per axis (on the log axis). */
    public static final int BINS = 40;

    static final Hp<Double> ALPHA_UNIFORM = Hp.uniform("alpha_uniform", 1e-4, 1);
    static final Hp<Double> ALPHA_LOG = Hp.logUniform("alpha_log_uniform", 1e-4, 1);
    static final Hp<Double> BETA_UNIFORM = Hp.uniform("beta_uniform", 0.9, 0.999);
    static final Hp<Double> BETA_LOG = Hp.oneMinusLogUniform("beta_one_minus_log_uniform", 0.9, 0.999);

    /**
     * One way of sampling one parameter.
     *
     * @param name      e.g. {@code alpha_log_uniform}
     * @param values    the draws
     * @param shares    share of the draws per band (decades of alpha, or of 1 - beta), band label to share
     * @param histogram counts in {@value #BINS} equal bins of log10(alpha) over [-4, 0], or of
     *                  log10(1 - beta) over [-3, -1]
     */
    public record Scale(String name, double[] values, Map<String, Double> shares, int[] histogram) {
    }

    private SamplingScales() {
    }

    /** The four scales, {@code draws} each, from the random sampler seeded with {@code seed}. */
    public static List<Scale> measure(int draws, long seed) {
        SearchSpace<Map<String, Object>> space = SearchSpace.named("sampling-scales")
                .params(ALPHA_UNIFORM, ALPHA_LOG, BETA_UNIFORM, BETA_LOG).model(t -> t.params());
        Sampler sampler = Sampler.random(seed);
        double[][] v = new double[4][draws];
        for (int k = 0; k < draws; k++) {
            Map<String, Object> p = space.trial(k, sampler.point(k, space)).params();
            v[0][k] = (Double) p.get(ALPHA_UNIFORM.name());
            v[1][k] = (Double) p.get(ALPHA_LOG.name());
            v[2][k] = (Double) p.get(BETA_UNIFORM.name());
            v[3][k] = (Double) p.get(BETA_LOG.name());
        }
        return List.of(alpha(ALPHA_UNIFORM.name(), v[0]), alpha(ALPHA_LOG.name(), v[1]),
                beta(BETA_UNIFORM.name(), v[2]), beta(BETA_LOG.name(), v[3]));
    }

    private static Scale alpha(String name, double[] values) {
        Map<String, Double> shares = new LinkedHashMap<>();
        String[] labels = {"[1e-4, 1e-3)", "[1e-3, 1e-2)", "[1e-2, 1e-1)", "[1e-1, 1]"};
        int[] counts = new int[4];
        int[] hist = new int[BINS];
        for (double a : values) {
            double lg = Math.log10(a);
            counts[Math.min(3, (int) Math.floor(lg + 4))]++;
            hist[bin(lg, -4, 0)]++;
        }
        for (int i = 0; i < 4; i++) {
            shares.put(labels[i], (double) counts[i] / values.length);
        }
        return new Scale(name, values, shares, hist);
    }

    private static Scale beta(String name, double[] values) {
        Map<String, Double> shares = new LinkedHashMap<>();
        int above = 0;
        int[] hist = new int[BINS];
        for (double b : values) {
            if (b >= 0.99) {
                above++;
            }
            hist[bin(Math.log10(1 - b), -3, -1)]++;
        }
        shares.put("[0.9, 0.99)", (double) (values.length - above) / values.length);
        shares.put("[0.99, 0.999]", (double) above / values.length);
        return new Scale(name, values, shares, hist);
    }

    static int bin(double x, double lo, double hi) {
        return Math.max(0, Math.min(BINS - 1, (int) Math.floor((x - lo) / (hi - lo) * BINS)));
    }

    /** The exact shares the scales imply, for comparison: band label to share. */
    public static Map<String, Double> expected(String scale) {
        Map<String, Double> m = new LinkedHashMap<>();
        switch (scale) {
            case "alpha_uniform":
                double w = 1 - 1e-4;
                m.put("[1e-4, 1e-3)", 9e-4 / w);
                m.put("[1e-3, 1e-2)", 9e-3 / w);
                m.put("[1e-2, 1e-1)", 9e-2 / w);
                m.put("[1e-1, 1]", 0.9 / w);
                break;
            case "alpha_log_uniform":
                m.put("[1e-4, 1e-3)", 0.25);
                m.put("[1e-3, 1e-2)", 0.25);
                m.put("[1e-2, 1e-1)", 0.25);
                m.put("[1e-1, 1]", 0.25);
                break;
            case "beta_uniform":
                m.put("[0.9, 0.99)", 0.09 / 0.099);
                m.put("[0.99, 0.999]", 0.009 / 0.099);
                break;
            default:
                m.put("[0.9, 0.99)", 0.5);
                m.put("[0.99, 0.999]", 0.5);
        }
        return m;
    }
}
