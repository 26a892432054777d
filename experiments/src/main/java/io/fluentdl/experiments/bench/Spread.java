package io.fluentdl.experiments.bench;

import java.util.Arrays;

/**
 * The summary of repeated measurements: median, quartiles (linear interpolation, as numpy's default)
 * and range. Benchmarks report the median; the spread says how far to trust it.
 *
 * @param n      number of measurements
 * @param median the middle value
 * @param q1     the 25th percentile
 * @param q3     the 75th percentile
 * @param min    smallest
 * @param max    largest
 */
public record Spread(int n, double median, double q1, double q3, double min, double max) {

    /** Summarises {@code values} (at least one; not modified). */
    public static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no measurements to summarise");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return new Spread(s.length, percentile(s, 50), percentile(s, 25), percentile(s, 75), s[0], s[s.length - 1]);
    }

    /** The p-th percentile (0..100) of sorted values, interpolating linearly between ranks. */
    static double percentile(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    /** Max − min relative to the median: 0.05 means the repeats spanned ±2.5% around it. */
    public double relativeRange() {
        return median == 0 ? Double.NaN : (max - min) / median;
    }

    /** E.g. {@code 16,512 (15,980–16,800)}. */
    public String format() {
        return String.format("%,.0f (%,.0f–%,.0f)", median, min, max);
    }
}
