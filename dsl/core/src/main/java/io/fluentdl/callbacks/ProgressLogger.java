package io.fluentdl.callbacks;

import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.Metric;
import io.fluentdl.train.TrainingControl;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * One line per epoch, as Keras prints with {@code verbose=2}:
 * {@code Epoch 3/15 - 12.4s - loss: 0.0412 - accuracy: 0.9871 - val_loss: 0.0398 - val_accuracy: 0.9880}.
 * {@code Model.fit} adds one when the model's {@code verbose} level is 1 (see {@code Model.verbose}).
 */
public final class ProgressLogger implements Callback {

    private final PrintStream out;
    private final int epochs;

    public ProgressLogger(PrintStream out, int epochs) {
        this.out = out;
        this.epochs = epochs;
    }

    @Override
    public void onEpochEnd(int epoch, EpochMetrics metrics, TrainingControl control) {
        out.println(line(metrics, epochs));
        out.flush();
    }

    /** The line for one epoch of {@code epochs}. */
    public static String line(EpochMetrics metrics, int epochs) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Epoch %d/%d - %.1fs", metrics.epoch(), epochs, metrics.seconds()));
        for (Map.Entry<String, Double> e : Metric.all(metrics).entrySet()) {
            if (!Double.isNaN(e.getValue())) {
                line.append(String.format(Locale.ROOT, " - %s: %.4f", e.getKey(), e.getValue()));
            }
        }
        return line.toString();
    }
}
