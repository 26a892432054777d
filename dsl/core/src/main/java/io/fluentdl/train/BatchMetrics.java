package io.fluentdl.train;

/**
 * What {@code Model.fit} knows after one mini-batch, the {@code logs} of Keras' {@code on_train_batch_end}.
 *
 * @param epoch        1-based epoch within the fit
 * @param iteration    0-based count of updates this model has made, over every fit
 * @param size         examples in the batch (the epoch's last may be smaller)
 * @param loss         the batch's mean loss plus regularization, as the optimizer minimised it
 * @param learningRate the rate this batch was trained with (after any schedule), NaN when the optimizer has none
 */
public record BatchMetrics(int epoch, long iteration, int size, double loss, double learningRate) {
}
