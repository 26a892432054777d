package io.fluentdl.callbacks;

import io.fluentdl.errors.Check;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.Metric;
import io.fluentdl.train.TrainingControl;
import java.nio.file.Path;

/**
 * Saves the model after each epoch, or only when the monitored metric improved, Keras'
 * {@code ModelCheckpoint}. The file is a {@code Model.save} zip (weights, updater state, spec), written
 * atomically; {@code {epoch}} in the file name becomes the epoch number, so every epoch can keep its own.
 *
 * <pre>{@code
 * ModelCheckpoint best = ModelCheckpoint.to(Path.of("best.zip"), Metric.VAL_LOSS, true);  // Keras' save_best_only
 * ModelCheckpoint each = ModelCheckpoint.to(Path.of("model-{epoch}.zip"), Metric.VAL_LOSS, false);
 * model.fit(train, 20, 128, validation, best);
 * Model restored = Model.load(Path.of("best.zip"));
 * }</pre>
 * Improvement follows {@link EarlyStopping}'s rule (mode from the metric, no min delta); the best
 * value is reset at the start of each fit, as in Keras.
 */
public final class ModelCheckpoint implements Callback {

    private final Path file;
    private final Monitor monitor;
    private final boolean saveBestOnly;
    private double best;
    private int savedEpoch;

    private ModelCheckpoint(Path file, Monitor monitor, boolean saveBestOnly) {
        this.file = file;
        this.monitor = monitor;
        this.saveBestOnly = saveBestOnly;
        this.best = monitor.worst();
    }

    /**
     * A checkpoint to {@code file} watching {@code monitor}.
     *
     * @param file         where to save; {@code {epoch}} is replaced by the 1-based epoch of the fit
     * @param monitor      the metric that decides "best" ({@code val_loss} in Keras' default)
     * @param saveBestOnly true: save only epochs that improve on the best so far; false: save every epoch
     */
    public static ModelCheckpoint to(Path file, Metric monitor, boolean saveBestOnly) {
        Check.notNull("ModelCheckpoint", "file", file);
        return new ModelCheckpoint(file, new Monitor("ModelCheckpoint", monitor, Mode.AUTO, 0.0), saveBestOnly);
    }

    @Override
    public void onTrainBegin(TrainingControl control) {
        best = monitor.worst();
        savedEpoch = 0;
    }

    @Override
    public void onEpochEnd(int epoch, EpochMetrics metrics, TrainingControl control) {
        if (saveBestOnly) {
            double current = monitor.read(metrics);
            if (!monitor.improves(current, best)) {
                return;
            }
            best = current;
        }
        control.save(Path.of(file.toString().replace("{epoch}", Integer.toString(metrics.epoch()))));
        savedEpoch = metrics.epoch();
    }

    /** The epoch saved last (0 before any). */
    public int savedEpoch() {
        return savedEpoch;
    }

    /** The best monitored value seen in this fit (±inf before any epoch). */
    public double best() {
        return best;
    }
}
