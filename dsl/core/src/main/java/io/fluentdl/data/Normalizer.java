package io.fluentdl.data;

import io.fluentdl.errors.InvalidConfigException;
import java.util.Arrays;

/**
 * Per-feature standardisation, {@code (x - mean) / std}, with the mean and the population standard
 * deviation fitted on one data set (the training set) and applied to any other of the same width.
 * A constant feature (std 0) is only centred, as scikit-learn's {@code StandardScaler} does.
 *
 * <pre>{@code
 * Normalizer normalizer = Normalizer.fit(train);
 * Dataset trainN = normalizer.apply(train), testN = normalizer.apply(test);
 * }</pre>
 */
public final class Normalizer {

    private final double[] mean;
    private final double[] std;

    private Normalizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Fits each feature's mean and population standard deviation on {@code data}. */
    public static Normalizer fit(Dataset data) {
        double[][] stats = data.arrays().featureMeanAndStd(); // population deviation, as StandardScaler
        double[] mean = stats[0];
        double[] std = stats[1];
        for (int j = 0; j < std.length; j++) {
            std[j] = std[j] > 0 ? std[j] : 1.0;
        }
        return new Normalizer(mean, std);
    }

    /** {@code data} with every feature standardised; labels and names are unchanged. */
    public Dataset apply(Dataset data) {
        if (data.numFeatures() != mean.length) {
            throw InvalidConfigException.of("Normalizer", "features", data.numFeatures(), String.format(
                    "the data must have the %d features the normalizer was fitted on, got features=%d",
                    mean.length, data.numFeatures()), "");
        }
        return data.standardized(mean, std);
    }

    /** The fitted means, one per feature. */
    public double[] mean() {
        return mean.clone();
    }

    /** The fitted standard deviations, one per feature (1 for a constant feature). */
    public double[] std() {
        return std.clone();
    }

    @Override
    public String toString() {
        return String.format("Normalizer(mean=%s, std=%s)", Arrays.toString(mean), Arrays.toString(std));
    }
}
