package io.fluentdl.train;

/**
 * How {@code Model.fit} measures the training set's loss and accuracy each epoch (the
 * {@code loss} and {@code accuracy} of {@link EpochMetrics}).
 *
 * <pre>{@code
 * model.trainMetrics(TrainMetrics.RUNNING);   // Keras' numbers, no extra pass over the data
 * }</pre>
 */
public enum TrainMetrics {
    /**
     * The default: after the epoch, one inference-mode pass over the whole training set, so the numbers
     * belong to the epoch's final weights (BN running statistics, no dropout). Claims such as "the
     * training error reaches 0 at epoch 6" need this. It costs one forward pass over the data: about
     * 19% of an epoch of the MNIST MLP at batch 128 (JFR profile in the README).
     */
    FULL_PASS,
    /**
     * What Keras reports: the mean, over the epoch's mini-batches weighted by their size, of each batch's
     * loss (with regularization) and accuracy, taken from the training forward pass itself (dropout on,
     * BN batch statistics, weights before that batch's update). Free: no extra pass. Early in training
     * it lags the full pass, because the first batches of the epoch saw older weights.
     */
    RUNNING
}
