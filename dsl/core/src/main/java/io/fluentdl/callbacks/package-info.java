/**
 * Keras-style training callbacks: {@link io.fluentdl.callbacks.Callback}, the one hook type that
 * {@code Model.fit} calls around training, epochs and mini-batches, and the callbacks built on it:
 * {@link io.fluentdl.callbacks.EarlyStopping}, {@link io.fluentdl.callbacks.ReduceLROnPlateau},
 * {@link io.fluentdl.callbacks.ModelCheckpoint}, {@link io.fluentdl.callbacks.CsvLogger},
 * {@link io.fluentdl.callbacks.TerminateOnNaN} and {@link io.fluentdl.callbacks.ProgressLogger}.
 *
 * <pre>{@code
 * model.fit(train, 100, 32, validation,
 *         ReduceLROnPlateau.monitor(Metric.VAL_LOSS).factor(0.5).patience(5),
 *         EarlyStopping.monitor(Metric.VAL_LOSS).patience(10).restoreBestWeights(true));
 * }</pre>
 * Both follow Keras' rules step for step (improvement is {@code current < best − minDelta} when
 * minimising, {@code current > best + minDelta} when maximising). They steer training only through
 * {@link io.fluentdl.train.TrainingControl}, never through DL4J types.
 * One instance may serve several fits: its state resets in {@code onTrainBegin}.
 */
package io.fluentdl.callbacks;
