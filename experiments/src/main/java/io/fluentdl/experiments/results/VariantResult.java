package io.fluentdl.experiments.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param description   optional: what distinguishes the variant in words, e.g. its optimizer and
 *                      learning rate (absent from the JSON when null)
 * @param metrics       optional: further per-seed numbers summarised over seeds, by name, in the
 *                      experiment's order, e.g. {@code "testError"} (absent from the JSON when empty)
 * @param schedule      optional: the learning rate over training from the schedule's formula (absent
 *                      from the JSON when null)
 */
@JsonPropertyOrder({"name", "description", "params", "trainAccuracy", "testAccuracy", "epochsTo80", "metrics",
        "schedule", "runs"})
public record VariantResult(String name, ParamCounts params, MeanStd trainAccuracy, MeanStd testAccuracy,
                            EpochsTo80 epochsTo80, List<SeedRun> runs,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String description,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Stat> metrics,
                            @JsonInclude(JsonInclude.Include.NON_NULL) LrCurve schedule) {

    @JsonCreator
    public VariantResult {
        runs = List.copyOf(runs);
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A variant with the standard aggregates only. */
    public VariantResult(String name, ParamCounts params, MeanStd trainAccuracy, MeanStd testAccuracy,
                         EpochsTo80 epochsTo80, List<SeedRun> runs) {
        this(name, params, trainAccuracy, testAccuracy, epochsTo80, runs, null, Map.of(), null);
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

    /** This variant with a description. */
    public VariantResult withDescription(String text) {
        return new VariantResult(name, params, trainAccuracy, testAccuracy, epochsTo80, runs, text, metrics, schedule);
    }

    /** This variant with one more metric, summarised from one value per seed ({@code null}: none for that seed). */
    public VariantResult withMetric(String metric, List<Double> perSeed) {
        if (perSeed.size() != runs.size()) {
            throw new IllegalArgumentException(String.format("Variant '%s': metric '%s' needs one value per seed, got %d for %d seeds.",
                    name, metric, perSeed.size(), runs.size()));
        }
        Map<String, Stat> more = new LinkedHashMap<>(metrics);
        more.put(metric, Stat.of(perSeed));
        return new VariantResult(name, params, trainAccuracy, testAccuracy, epochsTo80, runs, description, more, schedule);
    }

    /** This variant with its learning-rate schedule's curve. */
    public VariantResult withSchedule(LrCurve curve) {
        return new VariantResult(name, params, trainAccuracy, testAccuracy, epochsTo80, runs, description, metrics, curve);
    }
}
