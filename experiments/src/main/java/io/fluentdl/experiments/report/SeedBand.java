package io.fluentdl.experiments.report;

import io.fluentdl.experiments.results.SeedRun;
import java.util.List;
import java.util.function.Function;

/**
 * One per-epoch curve over several seeds: the mean and the band from the lowest to the highest seed
 * at each epoch. Both the static figures ({@link Charts}) and the interactive ones
 * ({@link CurveOptions}) draw from it, so they show the same numbers.
 *
 * @param name the series' name (a variant, or "train"/"test")
 * @param mean the mean over seeds, epoch 1 first
 * @param low  the lowest seed's value per epoch
 * @param high the highest seed's value per epoch
 */
record SeedBand(String name, double[] mean, double[] low, double[] high) {

    /** The band of {@code curve} over {@code runs}, over the epochs of the first run. */
    static SeedBand of(String name, List<SeedRun> runs, Function<SeedRun, List<Double>> curve) {
        int epochs = runs.get(0).epochs();
        double[] mean = new double[epochs];
        double[] low = new double[epochs];
        double[] high = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            double sum = 0;
            low[e] = Double.POSITIVE_INFINITY;
            high[e] = Double.NEGATIVE_INFINITY;
            for (SeedRun run : runs) {
                double value = curve.apply(run).get(e);
                sum += value;
                low[e] = Math.min(low[e], value);
                high[e] = Math.max(high[e], value);
            }
            mean[e] = sum / runs.size();
        }
        return new SeedBand(name, mean, low, high);
    }

    int epochs() {
        return mean.length;
    }
}
