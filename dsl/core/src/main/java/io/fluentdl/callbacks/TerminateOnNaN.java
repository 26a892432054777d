package io.fluentdl.callbacks;

import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.TrainingControl;

/**
 * Stops training as soon as an epoch's training loss is NaN or infinite, Keras' {@code TerminateOnNaN}:
 * a diverged network (a learning rate far too large, exploding gradients) never comes back, so
 * further epochs only burn time and fill the history with NaN.
 *
 * <pre>{@code
 * TerminateOnNaN nan = new TerminateOnNaN();
 * History h = model.fit(train, 100, 32, validation, nan);
 * if (nan.terminated()) {
 *     System.err.println(nan.reason());   // "training diverged at epoch 3: loss=NaN"
 * }
 * }</pre>
 * Keras checks after every batch; this checks after every epoch, on the loss {@code fit} measured
 * (see {@code Model.trainMetrics}), so it stops at the end of the epoch that diverged. Searches already
 * fail a diverged trial with the same reason. One instance may serve several fits: it resets in
 * {@code onTrainBegin}.
 *
 * <p>Maps to DL4J: nothing; DL4J's {@code InvalidScoreIterationTerminationCondition} is its counterpart
 * for its own early-stopping trainer.
 */
public final class TerminateOnNaN implements Callback {

    private int terminatedAt;
    private double loss = Double.NaN;

    @Override
    public void onTrainBegin(TrainingControl control) {
        terminatedAt = 0;
        loss = Double.NaN;
    }

    @Override
    public void onEpochEnd(int epoch, EpochMetrics metrics, TrainingControl control) {
        if (!Double.isFinite(metrics.trainLoss())) {
            terminatedAt = metrics.epoch();
            loss = metrics.trainLoss();
            control.stop();
        }
    }

    /** Whether the last fit was stopped by a NaN or infinite loss. */
    public boolean terminated() {
        return terminatedAt > 0;
    }

    /** The epoch (1-based, within the last fit) whose loss was not finite; 0 if none was. */
    public int epoch() {
        return terminatedAt;
    }

    /** "training diverged at epoch 3: loss=NaN", or "" when training did not diverge. */
    public String reason() {
        return terminated() ? String.format("training diverged at epoch %d: loss=%s", terminatedAt, loss) : "";
    }
}
