package io.fluentdl.callbacks;

import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.Metric;
import io.fluentdl.train.TrainingControl;
import java.util.ArrayList;
import java.util.List;

/**
 * Multiplies the learning rate by {@code factor} when a metric has stopped improving, Keras'
 * {@code ReduceLROnPlateau}.
 *
 * <p>After each epoch the monitored value is compared with the best so far (see {@link Monitor}'s rule).
 * After {@code patience} epochs in a row without improvement the rate becomes
 * {@code max(lr · factor, minLearningRate)} (only while {@code lr > minLearningRate}), the wait starts
 * again, and the next {@code cooldown} epochs do not count towards the patience. Use it when the loss
 * flattens out and a smaller step would let it fall further.
 *
 * <pre>{@code
 * model.fit(train, 100, 32, validation,
 *         ReduceLROnPlateau.monitor(Metric.VAL_LOSS).factor(0.2).patience(5).minLearningRate(1e-5));
 * }</pre>
 *
 * <p>With a scheduled learning rate, the first reduction takes the schedule's current value times
 * {@code factor} and fixes the rate there: DL4J replaces the schedule (see
 * {@link TrainingControl#setLearningRate(double)}). Keras refuses this combination instead.
 *
 * <p>Maps to DL4J: {@code MultiLayerNetwork.setLearningRate(double)} at each reduction, through
 * {@link TrainingControl#setLearningRate(double)}.
 */
public final class ReduceLROnPlateau implements Callback {

    public static final double DEFAULT_FACTOR = 0.1;
    public static final int DEFAULT_PATIENCE = 10;
    public static final int DEFAULT_COOLDOWN = 0;
    public static final double DEFAULT_MIN_LEARNING_RATE = 0.0;
    public static final double DEFAULT_MIN_DELTA = 1e-4;

    private static final String WHERE = "ReduceLROnPlateau";

    /** One change of the rate: after {@code epoch}, from {@code from} to {@code to}. */
    public record Reduction(int epoch, double from, double to) {
    }

    private final Monitor monitor;
    private final double factor;
    private final int patience;
    private final int cooldown;
    private final double minLearningRate;

    private double best;
    private int wait;
    private int cooldownCounter;
    private final List<Reduction> reductions = new ArrayList<>();

    private ReduceLROnPlateau(Monitor monitor, double factor, int patience, int cooldown, double minLearningRate) {
        this.monitor = monitor;
        this.factor = factor;
        this.patience = patience;
        this.cooldown = cooldown;
        this.minLearningRate = minLearningRate;
        reset();
    }

    /** Watches {@code metric}; every other setting takes Keras' default until set. */
    public static ReduceLROnPlateau monitor(Metric metric) {
        return new ReduceLROnPlateau(new Monitor(WHERE, metric, Mode.AUTO, DEFAULT_MIN_DELTA), DEFAULT_FACTOR,
                DEFAULT_PATIENCE, DEFAULT_COOLDOWN, DEFAULT_MIN_LEARNING_RATE);
    }

    /** New rate = rate · factor, in (0, 1); default {@value #DEFAULT_FACTOR}. */
    public ReduceLROnPlateau factor(double factor) {
        if (!(factor > 0 && factor < 1)) {
            throw InvalidConfigException.of(WHERE, "factor", factor,
                    String.format("factor multiplies the rate and must be in (0, 1), got factor=%s", factor), "");
        }
        return new ReduceLROnPlateau(monitor, factor, patience, cooldown, minLearningRate);
    }

    /** Epochs without improvement before the rate is reduced, {@code >= 0}; default {@value #DEFAULT_PATIENCE}. */
    public ReduceLROnPlateau patience(int epochs) {
        Check.atLeast(WHERE, "patience", epochs, 0);
        return new ReduceLROnPlateau(monitor, factor, epochs, cooldown, minLearningRate);
    }

    /** Epochs after a reduction that do not count towards the patience, {@code >= 0}; default {@value #DEFAULT_COOLDOWN}. */
    public ReduceLROnPlateau cooldown(int epochs) {
        Check.atLeast(WHERE, "cooldown", epochs, 0);
        return new ReduceLROnPlateau(monitor, factor, patience, epochs, minLearningRate);
    }

    /** The floor of the rate, {@code >= 0}; default {@value #DEFAULT_MIN_LEARNING_RATE}. Keras' {@code min_lr}. */
    public ReduceLROnPlateau minLearningRate(double value) {
        Check.nonNegative(WHERE, "minLearningRate", value);
        return new ReduceLROnPlateau(monitor, factor, patience, cooldown, value);
    }

    /** The smallest change that counts as improvement, absolute, {@code >= 0}; default {@value #DEFAULT_MIN_DELTA}. */
    public ReduceLROnPlateau minDelta(double value) {
        return new ReduceLROnPlateau(new Monitor(WHERE, monitor.metric(), monitor.mode(), value), factor, patience,
                cooldown, minLearningRate);
    }

    /** Whether lower or higher is better; default {@link Mode#AUTO} (the metric's own direction). */
    public ReduceLROnPlateau mode(Mode mode) {
        Check.notNull(WHERE, "mode", mode);
        return new ReduceLROnPlateau(new Monitor(WHERE, monitor.metric(), mode, monitor.minDelta()), factor, patience,
                cooldown, minLearningRate);
    }

    /** The reductions made in the current (or last) fit, in order. */
    public List<Reduction> reductions() {
        return List.copyOf(reductions);
    }

    @Override
    public void onTrainBegin(TrainingControl control) {
        reset();
    }

    // Keras' on_epoch_end, step for step (including that the epoch which ends the cooldown counts).
    @Override
    public void onEpochEnd(int epoch, EpochMetrics metrics, TrainingControl control) {
        double current = monitor.read(metrics);
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (monitor.improves(current, best)) {
            best = current;
            wait = 0;
        } else if (cooldownCounter == 0) {
            wait++;
            if (wait >= patience) {
                double old = control.learningRate();
                if (old > minLearningRate) {
                    double reduced = Math.max(old * factor, minLearningRate);
                    control.setLearningRate(reduced);
                    reductions.add(new Reduction(metrics.epoch(), old, reduced));
                    cooldownCounter = cooldown;
                    wait = 0;
                }
            }
        }
    }

    private void reset() {
        best = monitor.worst();
        wait = 0;
        cooldownCounter = 0;
        reductions.clear();
    }

    @Override
    public String toString() {
        return String.format("ReduceLROnPlateau(monitor=%s, mode=%s, factor=%s, patience=%d, cooldown=%d, "
                        + "minLearningRate=%s, minDelta=%s)", monitor.metric(), monitor.mode(), factor, patience, cooldown,
                minLearningRate, monitor.minDelta());
    }
}
