package io.fluentdl.experiments.results;

import java.util.ArrayList;
import java.util.List;

/**
 * A per-seed number summarised over seeds, where some seeds may have no value (for example "the
 * first epoch with zero training error" for a seed that never got there).
 *
 * @param mean    mean over the seeds that have a value; {@code null} when none has
 * @param std     sample standard deviation over those seeds (0 for one value); {@code null} when none has
 * @param missing how many seeds have no value
 */
public record Stat(Double mean, Double std, int missing) {

    /** Summarises per-seed values; {@code null} entries count as missing. */
    public static Stat of(List<Double> perSeed) {
        List<Double> present = new ArrayList<>();
        for (Double value : perSeed) {
            if (value != null) {
                present.add(value);
            }
        }
        if (present.isEmpty()) {
            return new Stat(null, null, perSeed.size());
        }
        MeanStd m = MeanStd.of(present);
        return new Stat(m.mean(), m.std(), perSeed.size() - present.size());
    }
}
