package io.fluentdl.callbacks;

import io.fluentdl.train.EpochMetrics;

/**
 * A per-epoch number a callback can watch, with Keras' name and the direction that is better.
 *
 * <pre>{@code
 * EarlyStopping.monitor(Metric.VAL_ACCURACY)   // Keras: monitor="val_accuracy"
 * }</pre>
 */
public enum Metric {
    /** Training-set loss after the epoch, Keras' {@code loss}. */
    TRAIN_LOSS("loss", Mode.MIN),
    /** Training-set accuracy after the epoch, Keras' {@code accuracy}. */
    TRAIN_ACCURACY("accuracy", Mode.MAX),
    /** Validation loss, Keras' {@code val_loss}; needs validation data in {@code fit}. */
    VAL_LOSS("val_loss", Mode.MIN),
    /** Validation accuracy, Keras' {@code val_accuracy}; needs validation data in {@code fit}. */
    VAL_ACCURACY("val_accuracy", Mode.MAX);

    private final String kerasName;
    private final Mode better;

    Metric(String kerasName, Mode better) {
        this.kerasName = kerasName;
        this.better = better;
    }

    /** Keras' name for this metric ({@code val_loss}, ...). */
    public String kerasName() {
        return kerasName;
    }

    /** MIN for losses, MAX for accuracies: what {@link Mode#AUTO} resolves to. */
    public Mode better() {
        return better;
    }

    /** Whether the metric is measured on validation data. */
    public boolean needsValidation() {
        return this == VAL_LOSS || this == VAL_ACCURACY;
    }

    /** This metric's value in one epoch's metrics (NaN for a validation metric without validation data). */
    public double of(EpochMetrics metrics) {
        return switch (this) {
            case TRAIN_LOSS -> metrics.trainLoss();
            case TRAIN_ACCURACY -> metrics.trainAccuracy();
            case VAL_LOSS -> metrics.validationLoss();
            case VAL_ACCURACY -> metrics.validationAccuracy();
        };
    }
}
