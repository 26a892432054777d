package io.fluentdl.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one epoch produced, Keras' {@code History} row: loss and accuracy on the training set and on
 * the validation set (NaN when there is none). Validation numbers are measured after the epoch in
 * inference mode; training numbers too, or as Keras' running means ({@link TrainMetrics}).
 *
 * @param epoch              1-based epoch number
 * @param trainLoss          mean loss over the training set (with regularization, as Keras reports it)
 * @param trainAccuracy      fraction correct on the training set
 * @param validationLoss     mean loss on the validation set, NaN without one
 * @param validationAccuracy fraction correct on the validation set, NaN without one
 * @param seconds            wall time of the epoch's training pass (not counting evaluation)
 * @param learningRate       the learning rate at the epoch's last iteration
 * @param metrics            the metrics chosen with {@code metrics(...)}, by key ({@code auc}, {@code val_auc}, ...)
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy, double seconds, double learningRate, Map<String, Double> metrics) {

    public EpochMetrics {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** An epoch with loss and accuracy only. */
    public EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                        double validationAccuracy, double seconds, double learningRate) {
        this(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, seconds, learningRate, Map.of());
    }

    /** Whether the epoch was measured on validation data (fit got some): not both validation values NaN. */
    public boolean hasValidation() {
        return !(Double.isNaN(validationLoss) && Double.isNaN(validationAccuracy));
    }

    /** Whether any loss is NaN or infinite: training diverged. */
    public boolean diverged() {
        return !Double.isFinite(trainLoss) || (!Double.isNaN(validationLoss) && !Double.isFinite(validationLoss));
    }
}
