package io.fluentdl.experiments.results;

import java.util.List;

/**
 * A mean and its sample standard deviation (n - 1 in the denominator; 0 for a single value) over
 * seeds.
 */
public record MeanStd(double mean, double std) {

    /** Mean and sample standard deviation of {@code values} (at least one). */
    public static MeanStd of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("MeanStd: needs at least one value, got none.");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (values.size() == 1) {
            return new MeanStd(mean, 0.0);
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new MeanStd(mean, Math.sqrt(squares / (values.size() - 1)));
    }
}
