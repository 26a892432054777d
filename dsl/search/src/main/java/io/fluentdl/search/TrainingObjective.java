package io.fluentdl.search;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.data.Dataset;
import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.History;
import io.fluentdl.train.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The usual objective: train the trial's {@link ModelSpec} with {@link Model#fit} and score it by
 * one {@link Metric} (Keras Tuner's {@code objective="val_accuracy"}).
 *
 * <pre>{@code
 * TrainingObjective objective = TrainingObjective.on(train, validation)
 *         .epochs(9)                       // the most a trial trains; a pruner may stop it earlier
 *         .batchSize(batchSize)            // an Hp<Integer>, or a number
 *         .metric(Metric.VAL_ACCURACY)     // the score and what the pruner watches
 *         .executions(2);                  // seeds spec.seed() and spec.seed() + 1, mean reported
 * SearchResult<ModelSpec> result = RandomSearch.over(space)
 *         .objective(objective)            // also sets the goal and the monitored metric
 *         .pruner(Pruner.successiveHalving(1, 3))
 *         .run();
 * }</pre>
 *
 * <p>After every epoch it reports {@code loss}, {@code accuracy} and (with a validation set)
 * {@code val_loss}, {@code val_accuracy} to the search; when the pruner says stop, training ends
 * through {@link io.fluentdl.train.TrainingControl#stop()}. A NaN or infinite loss
 * ({@link EpochMetrics#diverged()}) fails the trial with the epoch and the losses as the reason.
 * The score is the metric after the last epoch trained.
 *
 * <p><b>Executions.</b> With {@code executions(k)}, k copies of the model train side by side in
 * lock-step, one thread each, with seeds {@code spec.seed() + j} (j = 0..k-1: different weights and
 * batch order); each epoch the search sees the mean of the k metrics, so pruning judges the mean,
 * and the score is the mean after the last epoch. One reported epoch then stands for k trained ones.
 *
 * <p><b>Threads.</b> ND4J's OpenMP pool is process-wide, so a per-trial budget is a share of it:
 * see {@link io.fluentdl.internal.dl4j.NativeThreads}, which the CLI applies for its worker count.
 */
public final class TrainingObjective implements TrialObjective<ModelSpec> {

    /** Epochs per trial when none are given: {@value}. */
    public static final int DEFAULT_EPOCHS = 10;
    /** Batch size when none is given: {@value}. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    private final Dataset train;
    private final Dataset validation;
    private int epochs = DEFAULT_EPOCHS;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Hp<Integer> batchSizeHp;
    private Metric metric;
    private int executions = 1;

    private TrainingObjective(Dataset train, Dataset validation) {
        this.train = Objects.requireNonNull(train, "train");
        this.validation = validation;
        this.metric = validation == null ? Metric.ACCURACY : Metric.VAL_ACCURACY;
    }

    /**
     * Trains on {@code train} and measures on {@code validation} after each epoch.
     *
     * @param validation held-out examples, or null (then only {@code loss}/{@code accuracy} exist);
     *                   the default metric is {@code val_accuracy} with one, {@code accuracy} without
     */
    public static TrainingObjective on(Dataset train, Dataset validation) {
        return new TrainingObjective(train, validation);
    }

    /**
     * Epochs each trial trains at most, {@code >= 1}; default {@value #DEFAULT_EPOCHS}. The search
     * takes it as its {@link Search#epochsPerTrial}: the pruner is not asked after the last one.
     */
    public TrainingObjective epochs(int epochs) {
        this.epochs = Check.atLeast(WHERE, "epochs", epochs, 1);
        return this;
    }

    /** One batch size for every trial, {@code >= 1}; default {@value #DEFAULT_BATCH_SIZE}. */
    public TrainingObjective batchSize(int batchSize) {
        this.batchSize = Check.atLeast(WHERE, "batchSize", batchSize, 1);
        this.batchSizeHp = null;
        return this;
    }

    /** The batch size as a searched parameter (it is not part of the ModelSpec); list it in the space's params. */
    public TrainingObjective batchSize(Hp<Integer> batchSize) {
        this.batchSizeHp = Objects.requireNonNull(batchSize, "batchSize");
        return this;
    }

    /** The score and the value pruners watch. */
    public TrainingObjective metric(Metric metric) {
        Objects.requireNonNull(metric, "metric");
        if (metric.needsValidation() && validation == null) {
            throw InvalidConfigException.of(WHERE, "metric", metric, String.format(
                    "metric=%s needs a validation set, got none", metric), "Pass one to TrainingObjective.on(train, validation)");
        }
        this.metric = metric;
        return this;
    }

    /** Models trained per trial with seeds spec.seed() + 0..k-1, {@code >= 1}; their mean is reported. Default 1. */
    public TrainingObjective executions(int executions) {
        this.executions = Check.atLeast(WHERE, "executions", executions, 1);
        return this;
    }

    public Metric metric() {
        return metric;
    }

    public int epochs() {
        return epochs;
    }

    public int executions() {
        return executions;
    }

    /** The batch size of {@code trial}: its Hp value, or the fixed one. */
    public int batchSizeFor(Trial trial) {
        return batchSizeHp == null ? batchSize : trial.get(batchSizeHp);
    }

    @Override
    public double evaluate(ModelSpec spec, Trial trial, EpochReporter reporter) throws Exception {
        int batch = batchSizeFor(trial);
        List<ModelSpec> copies = new ArrayList<>();
        for (int j = 0; j < executions; j++) {
            copies.add(j == 0 ? spec : spec.toBuilder().seed(spec.seed() + j).build());
        }
        return new Lockstep(copies, train, validation, epochs, batch, metric, reporter).run();
    }

    /** The score of one finished {@code fit}: the metric at its last epoch. */
    static double score(History history, Metric metric) {
        return metric.of(history.last());
    }

    /** Reports one (mean) epoch; returns the exception that should end the trial, or null. */
    static RuntimeException report(EpochMetrics m, int executions, EpochReporter reporter) {
        if (m.diverged()) {
            return new TrialFailed(String.format("training diverged at epoch %d: loss=%s, val_loss=%s%s", m.epoch(),
                    m.trainLoss(), m.validationLoss(), executions > 1 ? " (mean over executions)" : ""));
        }
        try {
            reporter.report(m.epoch(), Metric.all(m));
            return null;
        } catch (TrialPruned | TrialFailed e) {
            return e;
        }
    }

    static final String WHERE = "TrainingObjective";

    /**
     * {@code training(epochs=9, batchSize=32, metric=val_accuracy, executions=1)}, or {@code batchSize=Hp
     * 'batch_size'} for a searched one (its range is the space's, which the study checks already). The
     * data are not part of it: a {@link Dataset} carries no name or source to compare.
     */
    @Override
    public String describe() {
        return String.format("training(epochs=%d, batchSize=%s, metric=%s, executions=%d)", epochs,
                batchSizeHp == null ? Integer.toString(batchSize) : String.format("Hp '%s'", batchSizeHp.name()),
                metric.key(), executions);
    }

    @Override
    public String toString() {
        return String.format("TrainingObjective(metric=%s, epochs=%d, batchSize=%s, executions=%d)", metric, epochs,
                batchSizeHp == null ? Integer.toString(batchSize) : "Hp '" + batchSizeHp.name() + "'", executions);
    }
}
