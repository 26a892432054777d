package io.fluentdl.experiments.search;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Dataset;
import io.fluentdl.data.Mnist;
import io.fluentdl.data.MnistData;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Init;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.Sgd;
import io.fluentdl.search.Hp;
import io.fluentdl.search.Pruner;
import io.fluentdl.search.RandomSearch;
import io.fluentdl.search.Search;
import io.fluentdl.search.Study;
import io.fluentdl.search.SearchResult;
import io.fluentdl.search.SearchSpace;
import io.fluentdl.search.TrainingObjective;
import io.fluentdl.search.TrialResult;
import io.fluentdl.search.TrialStatus;
import io.fluentdl.track.TrackedTrials;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How many epochs do pruning and coarse-to-fine save when searching an MNIST MLP? Random search
 * with one coarse-to-fine round and ASHA (rungs at 1 and 3 epochs, keep the best third; 9, the
 * last epoch, is never pruned) over learning rate (log), momentum (1 - beta log), units, layers,
 * batch size and BN placement, compared with plain random search (no pruning) over the same
 * first-round trials.
 *
 * <p>Three numbers come out: the best validation and test accuracy of the full search and the
 * epochs it spent; the same first-round trials with and without ASHA (epochs and best score: the
 * pruning saving, with the same points); and the epochs plain random search, in trial order, needed
 * to first reach the full search's best validation score.
 */
public final class MnistSearch {

    /** The search's settings; {@link #full()} and {@link #quick()} are the experiment's. */
    public record Settings(int trainSize, int validationSize, int testSize, int trialsPerRound, int rounds, int topK,
                           int epochs, int minEpochs, int eta, long seed, int workers) {
    }

    public static Settings full() {
        return new Settings(5000, 1000, 10_000, 24, 2, 5, 9, 1, 3, 7, 1);
    }

    public static Settings quick() {
        return new Settings(1000, 500, 1000, 6, 2, 2, 3, 1, 3, 7, 1);
    }

    /** What one search did. */
    public record Outcome(SearchResult<ModelSpec> result, double bestValidation, double bestTest, int totalEpochs,
                         double seconds) {
    }

    /**
     * @param pruned           random + coarse-to-fine + ASHA
     * @param prunedRoundOne   the first round of {@code pruned} alone: its trials, epochs and best score
     * @param plain            plain random search: the first round's points, then as many more, no pruning
     * @param plainFirstRound  plain random over the first round's points only
     * @param plainEpochsToReach epochs plain random search needed to first reach {@code pruned}'s best
     *                         validation score, -1 if it never did
     * @param hyperband        the first round's points alone under Hyperband brackets (no coarse-to-fine):
     *                         the hedge against ASHA stopping a late bloomer; null when the epochs are too
     *                         few for two brackets ({@link #hyperbandPossible()})
     */
    public record Comparison(Outcome pruned, Outcome plain, int prunedRoundOneEpochs, double prunedRoundOneBest,
                             int plainRoundOneEpochs, double plainRoundOneBest, int plainEpochsToReach, Outcome hyperband) {

        /** 1 - (ASHA's epochs / plain epochs) over the same first-round trials. */
        public double pruningSaving() {
            return 1 - (double) prunedRoundOneEpochs / plainRoundOneEpochs;
        }
    }

    private final Settings settings;
    private final Dataset train;
    private final Dataset validation;
    private final Dataset test;
    private final MnistData mnist;
    private final StudyPlace study;
    private final TrackedTrials tracked;

    public MnistSearch(Settings settings, Path mnistDir) {
        this(settings, mnistDir, null, null);
    }

    /**
     * @param study     where the three searches are recorded (as NAME, NAME-plain and NAME-hyperband), so
     *                  processes with the same storage share them; null: in memory
     * @param trackRoot where each trial becomes a tracked run (runs/, runs.db) under its search's study name;
     *                  null: not tracked
     */
    public MnistSearch(Settings settings, Path mnistDir, StudyPlace study, Path trackRoot) {
        this.settings = settings;
        this.study = study;
        this.tracked = trackRoot == null ? null : TrackedTrials.in(trackRoot);
        this.mnist = Mnist.load(mnistDir, settings.trainSize() + settings.validationSize(), settings.testSize());
        this.train = mnist.train().first(settings.trainSize());
        this.validation = mnist.train().slice(settings.trainSize(), settings.trainSize() + settings.validationSize());
        this.test = mnist.test();
    }

    /** The data set searched on (MNIST, or another IDX data set from --data), with its sums. */
    public MnistData data() {
        return mnist;
    }

    static final Hp<Double> LR = Hp.logUniform("lr", 1e-4, 1e-1);
    static final Hp<Double> MOMENTUM = Hp.oneMinusLogUniform("momentum", 0.9, 0.999);
    static final Hp<Integer> UNITS = Hp.intRange("units", 16, 256);
    static final Hp<Integer> LAYERS = Hp.intRange("layers", 2, 5);
    static final Hp<Integer> BATCH_SIZE = Hp.choice("batch_size", 32, 64, 128);
    static final Hp<BnPlacement> BN = Hp.choice("bn", BnPlacement.NONE, BnPlacement.BEFORE_ACTIVATION,
            BnPlacement.AFTER_ACTIVATION);

    /** The space: an MLP with SGD and classical momentum, every hidden layer alike. */
    SearchSpace<ModelSpec> space() {
        return SearchSpace.named("mnist-search").params(LR, MOMENTUM, UNITS, LAYERS, BATCH_SIZE, BN).model(t -> {
            Sequential s = Sequential.named("mnist-search").input(Mnist.PIXELS);
            for (int i = 0; i < t.get(LAYERS); i++) {
                s.dense(t.get(UNITS), Activation.RELU, Init.HE_UNIFORM);
            }
            return s.output(Mnist.CLASSES, Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY)
                    .batchNormPlacement(t.get(BN))
                    .optimizer(Sgd.of(t.get(LR)).momentum(t.get(MOMENTUM)))
                    .seed(settings.seed())
                    .build();
        });
    }

    private Search<ModelSpec> search(int trials) {
        TrainingObjective objective = TrainingObjective.on(train, validation).epochs(settings.epochs())
                .batchSize(BATCH_SIZE);
        return RandomSearch.over(space()).trials(trials).seed(settings.seed()).workers(settings.workers())
                .objective(objective);
    }

    /** Hyperband needs a second bracket: epochs per trial at least minEpochs x eta. */
    public boolean hyperbandPossible() {
        return settings.epochs() >= settings.minEpochs() * settings.eta();
    }

    /** Trials all searches run together: pruned and plain over every round, Hyperband over the first. */
    public int totalTrials() {
        return 2 * settings.trialsPerRound() * settings.rounds() + (hyperbandPossible() ? settings.trialsPerRound() : 0);
    }

    /** Runs the three searches; {@code onTrial} sees every finished trial (progress). */
    public Comparison run(Consumer<TrialResult> onTrial) {
        Outcome pruned = measure("", search(settings.trialsPerRound())
                .pruner(Pruner.successiveHalving(settings.minEpochs(), settings.eta()))
                .coarseToFine(settings.rounds(), settings.topK(), io.fluentdl.search.CoarseToFine.DEFAULT_PADDING)
                .onTrialEnd(onTrial));
        int plainTrials = settings.trialsPerRound() * settings.rounds();
        Outcome plain = measure("-plain", search(plainTrials).onTrialEnd(onTrial));
        int prunedRoundOneEpochs = 0;
        double prunedRoundOneBest = Double.NaN;
        for (TrialResult t : pruned.result().trials()) {
            if (t.round() == 0) {
                prunedRoundOneEpochs += t.epochCount();
                if (t.status() == TrialStatus.COMPLETE && !(t.score() <= prunedRoundOneBest)) {
                    prunedRoundOneBest = t.score();
                }
            }
        }
        int plainRoundOneEpochs = 0;
        double plainRoundOneBest = Double.NaN;
        for (TrialResult t : plain.result().trials()) {
            if (t.number() < settings.trialsPerRound()) {
                plainRoundOneEpochs += t.epochCount();
                if (t.status() == TrialStatus.COMPLETE && !(t.score() <= plainRoundOneBest)) {
                    plainRoundOneBest = t.score();
                }
            }
        }
        Outcome hyperband = !hyperbandPossible() ? null : measure("-hyperband", search(settings.trialsPerRound())
                .pruner(Pruner.hyperband(settings.minEpochs(), settings.epochs(), settings.eta()))
                .onTrialEnd(onTrial));
        return new Comparison(pruned, plain, prunedRoundOneEpochs, prunedRoundOneBest, plainRoundOneEpochs,
                plainRoundOneBest, plain.result().epochsToReach(pruned.bestValidation()), hyperband);
    }

    /** The name of one of the three searches ("", "-plain", "-hyperband"): its study, and its tracked trials'. */
    String study(String part) {
        return (study == null ? MnistSearchExperiment.NAME : study.name()) + part;
    }

    private Outcome measure(String part, Search<ModelSpec> tracking) {
        Search<ModelSpec> search = tracked == null ? tracking
                : tracking.trialHook(tracked.named(study(part)));
        if (study == null) {
            return measure(search.run(), System.nanoTime());
        }
        long start = System.nanoTime();
        try (Study s = study.open(part)) {
            return measure(study.configure(search, s).run(), start);
        }
    }

    private Outcome measure(SearchResult<ModelSpec> result, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        TrialResult best = result.best();
        int batch = (Integer) best.params().get(BATCH_SIZE.name());
        Model model = Model.of(result.bestModel());
        model.fit(train, settings.epochs(), batch);
        return new Outcome(result, best.score(), model.evaluate(test).accuracy(), result.totalEpochs(), seconds);
    }

    public Settings settings() {
        return settings;
    }
}
