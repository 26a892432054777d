package io.fluentdl.experiments.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One variant over all seeds: what {@code results.json} holds per variant. The aggregates are
 * derived from {@code runs} by {@link #of}, so they always agree with the curves.
 *
 * @param name          the variant's name, e.g. {@code bn-after}
 * @param params        parameter counts, Keras style
 * @param trainAccuracy final (last-epoch) train accuracy, mean and sample std over seeds
 * @param testAccuracy  final (last-epoch) test accuracy, mean and sample std over seeds
 * @param epochsTo80    first epoch with test accuracy >= 0.80
 * @param runs          one entry per seed, in seed order
 */
@JsonPropertyOrder({"name", "params", "trainAccuracy", "testAccuracy", "epochsTo80", "runs"})
public record VariantResult(String name, ParamCounts params, MeanStd trainAccuracy, MeanStd testAccuracy,
                            EpochsTo80 epochsTo80, List<SeedRun> runs) {

    public VariantResult {
        runs = List.copyOf(runs);
    }

    /** Aggregates the runs of one variant. */
    public static VariantResult of(String name, ParamCounts params, List<SeedRun> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(String.format("Variant '%s': needs at least one run, got none.", name));
        }
        return new VariantResult(name, params,
                MeanStd.of(runs.stream().map(SeedRun::finalTrainAccuracy).toList()),
                MeanStd.of(runs.stream().map(SeedRun::finalTestAccuracy).toList()),
                EpochsTo80.of(runs), runs);
    }
}
