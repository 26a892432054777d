package io.fluentdl.train;

/**
 * Called after every epoch with its metrics, Keras' {@code Callback.on_epoch_end}. Return normally to go
 * on; call {@link TrainingControl#stop()} on the control to end training after this epoch.
 */
@FunctionalInterface
public interface EpochListener {

    void onEpochEnd(EpochMetrics metrics, TrainingControl control);

    /**
     * Called once when {@code fit} starts, before the first epoch, Keras' {@code Callback.on_train_begin}.
     * Does nothing unless overridden; stateful callbacks reset here, so one instance can serve several fits.
     *
     * @param control the control the epochs will see
     */
    default void onTrainBegin(TrainingControl control) {
    }

    /**
     * Called once when {@code fit} ends, after the last epoch (planned or stopped), Keras'
     * {@code Callback.on_train_end}. Does nothing unless overridden; EarlyStopping restores weights here.
     *
     * @param history the epochs completed
     * @param control the same control the epochs saw
     */
    default void onTrainEnd(History history, TrainingControl control) {
    }

    /** A listener that only looks at the metrics. */
    static EpochListener of(java.util.function.Consumer<EpochMetrics> consumer) {
        return (metrics, control) -> consumer.accept(metrics);
    }
}
