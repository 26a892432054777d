package io.fluentdl.callbacks;

import io.fluentdl.train.BatchMetrics;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.History;
import io.fluentdl.train.TrainingControl;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A hook into {@code Model.fit}, Keras' {@code keras.callbacks.Callback}: the one way to watch or steer
 * training. Every method does nothing unless overridden, so a callback implements only what it needs.
 *
 * <p>{@code fit} calls, in order: {@link #onTrainBegin} once; for each epoch {@link #onEpochBegin},
 * {@link #onBatchEnd} after every mini-batch, {@link #onEpochEnd} with the epoch's metrics; and
 * {@link #onTrainEnd} once with the history. Callbacks run in the order given to {@code fit}, on the
 * training thread. Through the {@link TrainingControl} a callback stops training (after the current
 * batch, or after the epoch when called from {@link #onEpochEnd}), reads or sets the learning rate,
 * saves the model, or snapshots and restores its weights.
 *
 * <pre>{@code
 * model.fit(train, 100, 32, validation,
 *         EarlyStopping.monitor(Metric.VAL_LOSS).patience(10),
 *         Callback.atEpochEnd(m -> System.out.println(m.validationAccuracy())));
 * }</pre>
 * Stateful callbacks reset in {@link #onTrainBegin}, so one instance can serve several fits.
 *
 * <p>Maps to DL4J: epoch hooks run between DL4J's epochs; {@link #onBatchEnd} runs from a DL4J
 * {@code TrainingListener.iterationDone}, attached only while a callback overrides it.
 */
public interface Callback {

    /**
     * Once when {@code fit} starts, before the first epoch, Keras' {@code on_train_begin}.
     *
     * @param control the control every later call of this fit sees
     */
    default void onTrainBegin(TrainingControl control) {
    }

    /**
     * Before epoch {@code epoch} (1-based within this fit) runs its first batch, Keras' {@code on_epoch_begin}.
     */
    default void onEpochBegin(int epoch, TrainingControl control) {
    }

    /**
     * After each mini-batch's update, Keras' {@code on_train_batch_end}. {@link TrainingControl#stop()}
     * here ends the epoch after this batch and then training.
     *
     * @param batch 0-based index of the batch within its epoch, as Keras numbers them
     * @param logs  the batch's loss and learning rate
     */
    default void onBatchEnd(int batch, BatchMetrics logs, TrainingControl control) {
    }

    /**
     * After epoch {@code epoch} (1-based within this fit) with its training and validation metrics,
     * Keras' {@code on_epoch_end}. {@link TrainingControl#stop()} here makes it the last epoch.
     */
    default void onEpochEnd(int epoch, EpochMetrics logs, TrainingControl control) {
    }

    /**
     * Once when {@code fit} ends, after the last epoch (planned or stopped), Keras' {@code on_train_end}.
     *
     * @param logs the epochs completed
     */
    default void onTrainEnd(History logs, TrainingControl control) {
    }

    /** A callback that only reads each epoch's metrics. */
    static Callback atEpochEnd(Consumer<EpochMetrics> action) {
        return atEpochEnd((metrics, control) -> action.accept(metrics));
    }

    /** A callback that reads each epoch's metrics and may steer training (e.g. a pruner stopping a trial). */
    static Callback atEpochEnd(BiConsumer<EpochMetrics, TrainingControl> action) {
        return new Callback() {
            @Override
            public void onEpochEnd(int epoch, EpochMetrics logs, TrainingControl control) {
                action.accept(logs, control);
            }
        };
    }
}
