package io.fluentdl.callbacks;

import io.fluentdl.errors.Check;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.History;
import io.fluentdl.train.Metric;
import io.fluentdl.train.TrainingControl;

/**
 * Stops training when a metric has stopped improving, Keras' {@code EarlyStopping}.
 *
 * <p>After each epoch the monitored value is compared with the best so far (see {@link Monitor}'s rule);
 * an improvement resets the wait. Training stops at the end of the first epoch (never the first of
 * the fit) after which {@code patience} epochs in a row brought no improvement (with {@code patience}
 * 0: the first epoch without improvement). With {@code restoreBestWeights(true)} the network gets back,
 * when fit ends (stopped or not, as in Keras 3), the weights of the best epoch, with BN running
 * statistics and, beyond Keras, the updater state (momentum, Adam moments) of that epoch.
 *
 * <pre>{@code
 * EarlyStopping stop = EarlyStopping.monitor(Metric.VAL_LOSS).patience(10).restoreBestWeights(true);
 * History h = model.fit(train, 200, 32, validation, stop);
 * stop.bestEpoch();      // the epoch whose weights the model now holds
 * }</pre>
 *
 * <p>Maps to DL4J: {@link TrainingControl#snapshot()} copies {@code network.params()} and the updater's
 * state view; restoring is {@code setParams} and {@code assign} into the updater state. The iteration
 * and epoch counters are not rewound, so a schedule continues from where training stopped (Keras does
 * the same).
 */
public final class EarlyStopping implements Callback {

    public static final int DEFAULT_PATIENCE = 0;
    public static final double DEFAULT_MIN_DELTA = 0.0;
    public static final boolean DEFAULT_RESTORE_BEST_WEIGHTS = false;

    private static final String WHERE = "EarlyStopping";

    private final Monitor monitor;
    private final int patience;
    private final boolean restoreBestWeights;

    private double best;
    private int wait;
    private int epochsSeen;
    private int bestEpoch;
    private int stoppedEpoch;
    private TrainingControl.Snapshot bestWeights;

    private EarlyStopping(Monitor monitor, int patience, boolean restoreBestWeights) {
        this.monitor = monitor;
        this.patience = patience;
        this.restoreBestWeights = restoreBestWeights;
        reset();
    }

    /** Watches {@code metric}; every other setting takes Keras' default until set. */
    public static EarlyStopping monitor(Metric metric) {
        return new EarlyStopping(new Monitor(WHERE, metric, Mode.AUTO, DEFAULT_MIN_DELTA), DEFAULT_PATIENCE,
                DEFAULT_RESTORE_BEST_WEIGHTS);
    }

    /** Epochs without improvement before stopping, {@code >= 0}; default {@value #DEFAULT_PATIENCE}. */
    public EarlyStopping patience(int epochs) {
        Check.atLeast(WHERE, "patience", epochs, 0);
        return new EarlyStopping(monitor, epochs, restoreBestWeights);
    }

    /** The smallest change that counts as improvement, absolute, {@code >= 0}; default {@value #DEFAULT_MIN_DELTA}. */
    public EarlyStopping minDelta(double value) {
        return new EarlyStopping(new Monitor(WHERE, monitor.metric(), monitor.mode(), value), patience,
                restoreBestWeights);
    }

    /** Whether lower or higher is better; default {@link Mode#AUTO} (the metric's own direction). */
    public EarlyStopping mode(Mode mode) {
        Check.notNull(WHERE, "mode", mode);
        return new EarlyStopping(new Monitor(WHERE, monitor.metric(), mode, monitor.minDelta()), patience,
                restoreBestWeights);
    }

    /** Whether to put the best epoch's weights back when fit ends; default {@value #DEFAULT_RESTORE_BEST_WEIGHTS}. */
    public EarlyStopping restoreBestWeights(boolean restore) {
        return new EarlyStopping(monitor, patience, restore);
    }

    /** The epoch with the best monitored value so far (0 before any epoch). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best monitored value so far (±inf before any epoch). */
    public double bestValue() {
        return best;
    }

    /** The epoch after which this callback stopped training, or 0 when it did not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    @Override
    public void onTrainBegin(TrainingControl control) {
        reset();
    }

    // Keras 3's on_epoch_end: the first epoch is always a snapshot (even if its value is NaN); the wait
    // counts every epoch and an improvement resets it.
    @Override
    public void onEpochEnd(int epoch, EpochMetrics metrics, TrainingControl control) {
        double current = monitor.read(metrics);
        epochsSeen++;
        wait++;
        boolean improved = monitor.improves(current, best);
        if (improved || epochsSeen == 1) {
            bestEpoch = metrics.epoch();
            if (restoreBestWeights) {
                bestWeights = control.snapshot();
            }
        }
        if (improved) {
            best = current;
            wait = 0;
            return;
        }
        if (wait >= patience && epochsSeen > 1) {
            stoppedEpoch = metrics.epoch();
            control.stop();
        }
    }

    @Override
    public void onTrainEnd(History history, TrainingControl control) {
        if (restoreBestWeights && bestWeights != null) {
            control.restore(bestWeights);
        }
        bestWeights = null;        // free the copy; the reported epochs stay readable
    }

    private void reset() {
        best = monitor.worst();
        wait = 0;
        epochsSeen = 0;
        bestEpoch = 0;
        stoppedEpoch = 0;
        bestWeights = null;
    }

    @Override
    public String toString() {
        return String.format("EarlyStopping(monitor=%s, mode=%s, patience=%d, minDelta=%s, restoreBestWeights=%s)",
                monitor.metric(), monitor.mode(), patience, monitor.minDelta(), restoreBestWeights);
    }
}
