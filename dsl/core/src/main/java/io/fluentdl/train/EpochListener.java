package io.fluentdl.train;

/**
 * Called after every epoch with its metrics, Keras' {@code Callback.on_epoch_end}. Return normally to go
 * on; call {@link TrainingControl#stop()} on the control to end training after this epoch.
 */
@FunctionalInterface
public interface EpochListener {

    void onEpochEnd(EpochMetrics metrics, TrainingControl control);

    /** A listener that only looks at the metrics. */
    static EpochListener of(java.util.function.Consumer<EpochMetrics> consumer) {
        return (metrics, control) -> consumer.accept(metrics);
    }
}
