package io.fluentdl.examples;

import static io.fluentdl.layers.BnPlacement.AFTER_ACTIVATION;
import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.callbacks.Callback;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.optim.Sgd;
import io.fluentdl.search.CoarseToFine;
import io.fluentdl.search.Hp;
import io.fluentdl.search.RandomSearch;
import io.fluentdl.search.SearchResult;
import io.fluentdl.search.SearchSpace;

/**
 * A random search on sound scales (learning rate log-uniform, momentum with 1 − β log-uniform, integer
 * units), run coarse-to-fine: a second round samples a box around the best trials of the first. Prints
 * every trial and the best spec. Kotlin twin: {@code RandomSearchCoarseToFine.kt}.
 */
public final class RandomSearchCoarseToFine {

    public static final int TRIALS_PER_ROUND = 12;
    public static final int QUICK_TRIALS_PER_ROUND = 3;
    public static final int ROUNDS = 2;
    public static final int TOP_K = 3;
    public static final int EPOCHS = 20;
    public static final int QUICK_EPOCHS = 3;
    public static final int BATCH_SIZE = 32;
    public static final long SEED = 7;

    public static final Hp<Integer> UNITS = Hp.intRange("units", 8, 64);
    public static final Hp<Double> LR = Hp.logUniform("lr", 1e-3, 1.0);
    public static final Hp<Double> MOMENTUM = Hp.oneMinusLogUniform("momentum", 0.5, 0.99);

    private RandomSearchCoarseToFine() {
    }

    /** The case-study model with the searched width, learning rate and momentum. */
    public static SearchSpace<ModelSpec> space() {
        return SearchSpace.named("circles-search")
                .params(UNITS, LR, MOMENTUM)
                .model(trial -> Sequential.named("circles")
                        .input(2)
                        .dense(trial.get(UNITS), RELU, HE_UNIFORM)
                        .batchNorm()
                        .output(1, SIGMOID, BINARY_CROSSENTROPY)
                        .batchNormPlacement(AFTER_ACTIVATION)
                        .optimizer(Sgd.of(trial.get(LR)).momentum(trial.get(MOMENTUM)))
                        .seed(1)
                        .build());
    }

    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args);
        int epochs = options.epochs(QUICK_EPOCHS, EPOCHS);
        int trials = options.quick() ? QUICK_TRIALS_PER_ROUND : TRIALS_PER_ROUND;
        // 1. Data: make_circles; the first half trains, the second half scores each trial
        Dataset all = Circles.dataset(1000, 0.1, 1);
        Dataset train = all.slice(0, 500);
        Dataset validation = all.slice(500, 1000);
        // 2. Search: random points, then a round in a box around the best TOP_K (padded by 10% per axis)
        SearchResult<ModelSpec> result = RandomSearch.over(space())
                .trials(trials)
                .seed(SEED)
                .coarseToFine(ROUNDS, TOP_K, CoarseToFine.DEFAULT_PADDING)
                .maximize()
                .objective((spec, trial, reporter) -> Model.of(spec)
                        .fit(train, epochs, BATCH_SIZE, validation,
                                Callback.atEpochEnd(m -> reporter.report(m.epoch(), m.validationAccuracy())))
                        .last().validationAccuracy())
                .run();
        // 3. Every trial, then the best parameters and the spec they build
        System.out.println(result.table());
        System.out.printf("best %s%n%s%n", result.bestParams(), result.bestModel().summary());
    }
}
