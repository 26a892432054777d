package io.fluentdl.track;

import java.util.Arrays;

/**
 * A fixed-bin histogram of one tensor, with its mean and standard deviation: the compact form in which
 * TensorBoard and W&amp;B show weights and gradients over time, small enough to store every few iterations.
 *
 * <p>The {@code counts.length} bins split [min, max] of the tensor's finite values into equal widths;
 * each bin is half-open {@code [lo, hi)} except the last, which is closed, as in numpy's
 * {@code histogram}. When every finite value is equal (min == max, e.g. zero-initialised biases) all of
 * them are counted in bin 0. NaN and infinite values are not binned; they are counted in
 * {@code nonFinite}, so a diverging run shows up instead of corrupting the range.
 *
 * @param min       smallest finite value (NaN if there is none)
 * @param max       largest finite value (NaN if there is none)
 * @param counts    values per bin; sums to the number of finite values
 * @param mean      mean of the finite values
 * @param std       population standard deviation (numpy's default, ddof = 0) of the finite values
 * @param nonFinite number of NaN and infinite values
 */
public record Histogram(double min, double max, long[] counts, double mean, double std, long nonFinite) {

    /** Bins per histogram unless the tracker is told otherwise. */
    public static final int DEFAULT_BINS = 30;

    public Histogram {
        counts = counts.clone();
    }

    /**
     * The histogram of {@code values} in {@code bins} equal-width bins over their [min, max].
     *
     * @param values the tensor's values, in any order
     * @param bins   number of bins, ≥ 1
     */
    public static Histogram of(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException(String.format("Histogram: bins must be >= 1, got bins=%d.", bins));
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long finite = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                finite++;
            }
        }
        long[] counts = new long[bins];
        if (finite == 0) {
            return new Histogram(Double.NaN, Double.NaN, counts, Double.NaN, Double.NaN, values.length);
        }
        double mean = sum / finite;
        double squares = 0;
        double range = max - min;
        for (double v : values) {
            if (Double.isFinite(v)) {
                double d = v - mean;
                squares += d * d;
                // multiply before dividing: exact for values on bin edges such as integers
                int bin = range == 0 ? 0 : (int) ((v - min) * bins / range);
                counts[Math.min(bin, bins - 1)]++;
            }
        }
        return new Histogram(min, max, counts, mean, Math.sqrt(squares / finite), values.length - finite);
    }

    /**
     * The histogram of the same values multiplied by {@code factor} > 0: bins scale with the range, so
     * the counts are unchanged. Cheaper than scaling the tensor.
     */
    public Histogram scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(String.format(
                    "Histogram: scaled needs a finite factor > 0, got factor=%s.", factor));
        }
        return new Histogram(min * factor, max * factor, counts, mean * factor, std * factor, nonFinite);
    }

    /** Number of finite values binned. */
    public long count() {
        return Arrays.stream(counts).sum();
    }

    /** Width of one bin (0 when min == max). */
    public double binWidth() {
        return (max - min) / counts.length;
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Double.compare(min, h.min) == 0 && Double.compare(max, h.max) == 0
                && Arrays.equals(counts, h.counts) && Double.compare(mean, h.mean) == 0
                && Double.compare(std, h.std) == 0 && nonFinite == h.nonFinite;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Double.hashCode(min) + 7 * Double.hashCode(max);
    }

    @Override
    public String toString() {
        return String.format("Histogram[min=%s, max=%s, counts=%s, mean=%s, std=%s, nonFinite=%d]",
                min, max, Arrays.toString(counts), mean, std, nonFinite);
    }
}
