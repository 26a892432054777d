package io.fluentdl.train;

import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Loss;

/**
 * What a model's output means, and so how it is evaluated and which labels it takes. Decided by the
 * output layer's activation and loss, as Keras' {@code accuracy} metric decides between categorical,
 * sparse and binary accuracy.
 *
 * <ul>
 *   <li>{@link #CLASSIFICATION}: softmax over k classes, one-hot labels (k columns); accuracy by argmax.</li>
 *   <li>{@link #SPARSE_CLASSIFICATION}: softmax with {@code sparse_categorical_crossentropy}; labels are one
 *       column of class numbers 0..k-1.</li>
 *   <li>{@link #BINARY}: one sigmoid unit, labels 0/1; accuracy at threshold 0.5.</li>
 *   <li>{@link #MULTI_LABEL}: k &gt; 1 sigmoid units, each label 0/1 independently; accuracy per label
 *       (Keras' {@code binary_accuracy}), plus exact-match accuracy.</li>
 *   <li>{@link #REGRESSION}: anything else (identity, relu, ... outputs); no accuracy (NaN), MSE, MAE,
 *       RMSE and R² instead.</li>
 * </ul>
 */
public enum OutputKind {
    CLASSIFICATION,
    SPARSE_CLASSIFICATION,
    BINARY,
    MULTI_LABEL,
    REGRESSION;

    /** The kind of an output layer with this activation, loss and number of units. */
    public static OutputKind of(Activation activation, Loss loss, int units) {
        if (loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
            return SPARSE_CLASSIFICATION;
        }
        if (activation == Activation.SOFTMAX || loss == Loss.CATEGORICAL_CROSSENTROPY) {
            return CLASSIFICATION;
        }
        if (activation == Activation.SIGMOID || activation == Activation.HARD_SIGMOID || loss == Loss.BINARY_CROSSENTROPY) {
            return units == 1 ? BINARY : MULTI_LABEL;
        }
        return REGRESSION;
    }

    /** Whether the output predicts classes (everything but regression). */
    public boolean classifies() {
        return this != REGRESSION;
    }

    /** Label columns this kind needs for an output of {@code units} units. */
    public int labelColumns(int units) {
        return this == SPARSE_CLASSIFICATION ? 1 : units;
    }
}
