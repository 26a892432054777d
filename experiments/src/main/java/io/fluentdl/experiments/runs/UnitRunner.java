package io.fluentdl.experiments.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.ModelSpec;
import io.fluentdl.experiments.progress.ProgressTask;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.SeedRun;
import io.fluentdl.track.FinishedRuns;
import io.fluentdl.track.Run;
import io.fluentdl.track.Tracker;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an experiment's variant × seed units, each as one tracked run, and returns each unit's
 * per-epoch curves as a {@link SeedRun}.
 *
 * <pre>{@code
 * UnitRunner units = context.units(NAME);
 * SeedRun run = units.run(task, "bn-after", seed, spec, 25, tracker -> {
 *     return Model.of(spec).fit(train, context.epochs(), 32, test, tracker.callback());
 * });
 * }</pre>
 *
 * <p>A unit's run is named after the variant, carries its seed, and has as config
 * {@code {"variant", "seed", "epochs", "histogramEvery", "spec"}}. With {@code resume}, a unit whose
 * run FINISHED earlier in the same folder with the same config is not trained again: its curves are
 * read back from that run's {@code metrics.jsonl} (the tracker stores doubles exactly), so a resumed
 * experiment writes the same {@code results.json} as one that was never interrupted. Runs that were
 * interrupted or failed, or whose config differs, are trained again as new runs; the old ones stay,
 * as W&amp;B keeps crashed runs. The lookup of finished runs is the tracker's ({@link FinishedRuns}).
 */
public final class UnitRunner {

    /** Every unit run carries this tag, so that queries can tell units from other runs. */
    public static final String TAG = "unit";

    private static final Logger LOG = LoggerFactory.getLogger(UnitRunner.class);

    /** Trains one unit with a live tracker attached and returns Keras-style history. */
    @FunctionalInterface
    public interface Training {
        History train(Tracker tracker) throws Exception;
    }

    private final Path root;
    private final String experiment;
    private final int epochs;
    private final boolean resume;
    private final FinishedRuns finished; // null unless resuming
    private int resumed;
    private boolean learningRates;

    /**
     * @param root       the experiment's output folder; runs go to {@code root/runs/}, the index to
     *                   {@code root/runs.db}
     * @param experiment the experiment's name (the runs' experiment)
     * @param epochs     epochs per unit
     * @param resume     reuse units that FINISHED in {@code root} with the same config
     */
    public UnitRunner(Path root, String experiment, int epochs, boolean resume) {
        this.root = root;
        this.experiment = experiment;
        this.epochs = epochs;
        this.resume = resume;
        this.finished = resume ? FinishedRuns.in(root, experiment, TAG) : null;
    }

    /**
     * Makes every unit's {@link SeedRun} carry the learning rate each epoch ended with (the tracker's
     * epoch metric {@code lr}, also when read back), for experiments about learning rates. Off by
     * default, so that other experiments' results.json keep their shape.
     */
    public UnitRunner recordingLearningRates() {
        this.learningRates = true;
        return this;
    }

    /** The experiment's output folder, which is the tracking root. */
    public Path root() {
        return root;
    }

    /** How many units were read back instead of trained, so far. */
    public int resumedCount() {
        return resumed;
    }

    /**
     * Runs one unit, or reads it back when resuming and it already finished.
     *
     * @param task           progress of the variant; advanced one step per epoch (all at once when read back)
     * @param variant        the variant's name, the run's name
     * @param seed           the unit's seed (weights and batch order)
     * @param spec           the model, recorded as the run's config
     * @param histogramEvery iterations between histograms of weights, gradients and updates; 0 for none
     * @param training       trains the unit with the tracker attached
     */
    public SeedRun run(ProgressTask task, String variant, long seed, ModelSpec spec, int histogramEvery,
                       Training training) throws Exception {
        ObjectNode config = config(variant, seed, spec, histogramEvery);
        Optional<SeedRun> earlier = readBack(variant, config);
        if (earlier.isPresent()) {
            resumed++;
            for (int e = 0; e < epochs; e++) {
                task.step();
            }
            task.message(String.format(Locale.ROOT, "seed %d resumed", seed));
            return earlier.get();
        }
        try (Tracker tracker = Tracker.in(root).experiment(experiment).name(variant).seed(seed)
                .configJson(Json.MAPPER.writeValueAsString(config)).tags(TAG, variant)
                .histogramEvery(histogramEvery).start()) {
            History history;
            try {
                history = training.train(tracker);
            } catch (Exception | Error e) {
                tracker.fail(e);
                throw e;
            }
            SeedRun run = learningRates ? withLearningRates(toSeedRun(seed, history),
                    list(history.epochs(), EpochMetrics::learningRate)) : toSeedRun(seed, history);
            tracker.finish(Map.of("final_train_accuracy", run.finalTrainAccuracy(),
                    "final_test_accuracy", run.finalTestAccuracy()));
            return run;
        }
    }

    private Optional<SeedRun> readBack(String variant, ObjectNode config) {
        if (!resume) {
            return Optional.empty();
        }
        Run run = finished.find(variant, config).orElse(null);
        if (run == null) {
            return Optional.empty();
        }
        SeedRun seedRun = new SeedRun(run.seed(), finished.epochValues(run, "train_accuracy"),
                finished.epochValues(run, "val_accuracy"), finished.epochValues(run, "train_loss"),
                finished.epochValues(run, "val_loss"));
        if (learningRates && seedRun.epochs() == epochs) {
            List<Double> rates = finished.epochValues(run, "lr");
            if (rates.size() != epochs) {
                LOG.warn("run {} ({} seed {}) has no learning rate per epoch: training it again", run.id(), variant, run.seed());
                return Optional.empty();
            }
            seedRun = withLearningRates(seedRun, rates);
        }
        if (seedRun.epochs() != epochs) {
            LOG.warn("run {} ({} seed {}) finished with {} epochs, {} asked: training it again", run.id(), variant,
                    run.seed(), seedRun.epochs(), epochs);
            return Optional.empty();
        }
        LOG.info("resume: {} seed {} read back from run {}", variant, run.seed(), run.id());
        return Optional.of(seedRun);
    }

    /** A unit's curves from Model.fit's history: validation is the experiment's test split. */
    public static SeedRun toSeedRun(long seed, History history) {
        List<EpochMetrics> e = history.epochs();
        return new SeedRun(seed, list(e, EpochMetrics::trainAccuracy), list(e, EpochMetrics::validationAccuracy),
                list(e, EpochMetrics::trainLoss), list(e, EpochMetrics::validationLoss));
    }

    private static SeedRun withLearningRates(SeedRun run, List<Double> rates) {
        return new SeedRun(run.seed(), run.trainAccuracy(), run.testAccuracy(), run.trainLoss(), run.testLoss(), rates);
    }

    private static List<Double> list(List<EpochMetrics> epochs, Function<EpochMetrics, Double> metric) {
        return epochs.stream().map(metric).toList();
    }

    private ObjectNode config(String variant, long seed, ModelSpec spec, int histogramEvery) {
        ObjectNode config = Json.MAPPER.createObjectNode();
        config.put("variant", variant);
        config.put("seed", seed);
        config.put("epochs", epochs);
        config.put("histogramEvery", histogramEvery);
        try {
            config.set("spec", Json.MAPPER.readTree(spec.toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Variant '%s': its spec JSON does not parse", variant), e);
        }
        return config;
    }
}
