package io.fluentdl.experiments.search;

import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Dataset;
import io.fluentdl.data.Mnist;
import io.fluentdl.data.MnistData;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Init;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.Adam;
import io.fluentdl.search.GridSearch;
import io.fluentdl.search.Hp;
import io.fluentdl.search.Importance;
import io.fluentdl.search.RandomSearch;
import io.fluentdl.search.Search;
import io.fluentdl.search.SearchResult;
import io.fluentdl.search.SearchSpace;
import io.fluentdl.search.TrainingObjective;
import io.fluentdl.search.TrialResult;
import io.fluentdl.track.TrackedTrials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Random or grid search, for the same 16 trials, when one parameter matters and one hardly does?
 * Adam's learning rate (log, 1e-4..1e-1) matters; its epsilon (log, 1e-8..1e-5) hardly does. A 4 x 4
 * grid tries 4 learning rates; random search tries 16 (Bergstra &amp; Bengio 2012). Each seed runs
 * both on an MNIST subset; the best validation accuracy of each is compared over seeds.
 */
public final class RandomVsGrid {

    /** The settings; {@link #full()} and {@link #quick()} are the experiment's. */
    public record Settings(int trainSize, int validationSize, int epochs, int batchSize, int trials, int gridPoints,
                           List<Long> seeds) {
    }

    public static Settings full() {
        return new Settings(2000, 1000, 2, 64, 16, 4, List.of(1L, 2L, 3L));
    }

    public static Settings quick() {
        return new Settings(500, 500, 1, 64, 16, 4, List.of(1L));
    }

    /** One search: which method and seed, its result, and the distinct learning rates it tried. */
    public record Run(String method, long seed, SearchResult<ModelSpec> result, int distinctLearningRates,
                      List<Importance> importance) {
        public double best() {
            return result.best().score();
        }
    }

    static final Hp<Double> LR = Hp.logUniform("lr", 1e-4, 1e-1);
    static final Hp<Double> EPSILON = Hp.logUniform("epsilon", 1e-8, 1e-5);

    private final Settings settings;
    private final Dataset train;
    private final Dataset validation;
    private final TrackedTrials tracked;

    /** @param trackRoot where each trial becomes a tracked run (study {@code <method>-seed<seed>}); null: not tracked */
    public RandomVsGrid(Settings settings, Path mnistDir, Path trackRoot) {
        this.settings = settings;
        this.tracked = trackRoot == null ? null : TrackedTrials.in(trackRoot);
        MnistData mnist = Mnist.load(mnistDir, settings.trainSize() + settings.validationSize(), 1);
        this.train = mnist.train().first(settings.trainSize());
        this.validation = mnist.train().slice(settings.trainSize(), settings.trainSize() + settings.validationSize());
    }

    SearchSpace<ModelSpec> space(long seed) {
        return SearchSpace.named("random-vs-grid").params(LR, EPSILON).model(t -> Sequential.named("random-vs-grid")
                .input(Mnist.PIXELS)
                .dense(64, Activation.RELU, Init.HE_UNIFORM)
                .output(Mnist.CLASSES, Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY)
                .optimizer(Adam.of(t.get(LR)).epsilon(t.get(EPSILON)))
                .seed(seed)
                .build());
    }

    /** Every seed, grid then random; {@code onTrial} sees each finished trial. */
    public List<Run> run(Consumer<TrialResult> onTrial) {
        List<Run> runs = new ArrayList<>();
        for (long seed : settings.seeds()) {
            TrainingObjective objective = TrainingObjective.on(train, validation).epochs(settings.epochs())
                    .batchSize(settings.batchSize());
            SearchSpace<ModelSpec> space = space(seed);
            runs.add(run("grid", seed, GridSearch.over(space, settings.gridPoints()).trials(settings.trials())
                    .objective(objective).onTrialEnd(onTrial)));
            runs.add(run("random", seed, RandomSearch.over(space).trials(settings.trials()).seed(seed)
                    .objective(objective).onTrialEnd(onTrial)));
        }
        return runs;
    }

    /** The name of one search: its tracked trials' study and its sections in the report. */
    static String study(String method, long seed) {
        return String.format("%s-%s-seed%d", RandomVsGridExperiment.NAME, method, seed);
    }

    private Run run(String method, long seed, Search<ModelSpec> search) {
        SearchResult<ModelSpec> result = (tracked == null ? search
                : search.trialHook(tracked.named(study(method, seed)))).run();
        long distinct = result.trials().stream().map(t -> t.params().get(LR.name())).distinct().count();
        return new Run(method, seed, result, (int) distinct, result.importance());
    }

    public Settings settings() {
        return settings;
    }
}
