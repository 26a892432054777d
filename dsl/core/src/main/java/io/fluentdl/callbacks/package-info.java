/**
 * Keras-style training callbacks, run by {@code Model.fit} after every epoch:
 * {@link io.fluentdl.callbacks.ReduceLROnPlateau}, {@link io.fluentdl.callbacks.EarlyStopping} and
 * {@link io.fluentdl.callbacks.TerminateOnNaN}.
 *
 * <pre>{@code
 * model.fit(train, 100, 32, validation,
 *         ReduceLROnPlateau.monitor(Metric.VAL_LOSS).factor(0.5).patience(5),
 *         EarlyStopping.monitor(Metric.VAL_LOSS).patience(10).restoreBestWeights(true));
 * }</pre>
 * Both follow Keras' rules step for step (improvement is {@code current < best − minDelta} when
 * minimising, {@code current > best + minDelta} when maximising); each class says where DL4J is touched.
 * One instance may serve several fits: its state resets in {@code onTrainBegin}.
 */
package io.fluentdl.callbacks;
