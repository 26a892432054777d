package io.fluentdl.internal.dl4j;

import io.fluentdl.callbacks.Callback;
import io.fluentdl.train.BatchMetrics;
import io.fluentdl.train.TrainingControl;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Calls {@link Callback#onBatchEnd} from DL4J's {@code iterationDone}, which runs after the update:
 * the score is the batch's, the learning rate the one this batch used.
 */
final class BatchHook extends BaseTrainingListener {

    private final List<Callback> callbacks;
    private final TrainingControl control;
    private int epoch;
    private int batch;

    BatchHook(List<Callback> callbacks, TrainingControl control) {
        this.callbacks = callbacks;
        this.control = control;
    }

    /** Epoch {@code epoch} (1-based within the fit) starts at batch 0. */
    void startEpoch(int epoch) {
        this.epoch = epoch;
        this.batch = 0;
    }

    @Override
    public void iterationDone(Model model, int iteration, int dl4jEpoch) {
        MultiLayerNetwork network = (MultiLayerNetwork) model;
        // MultiLayerNetwork.batchSize() throws once the input was cleared; the labels are still there
        INDArray rows = network.getLabels() != null ? network.getLabels() : network.getInput();
        BatchMetrics logs = new BatchMetrics(epoch, iteration, rows == null ? 0 : (int) rows.size(0), network.score(),
                LearningRates.at(network, iteration, dl4jEpoch));
        for (Callback callback : callbacks) {
            callback.onBatchEnd(batch, logs, control);
        }
        batch++;
    }

    /** Whether any of {@code callbacks} overrides {@link Callback#onBatchEnd} (else no listener is attached). */
    static boolean wanted(List<Callback> callbacks) {
        for (Callback callback : callbacks) {
            try {
                if (callback.getClass().getMethod("onBatchEnd", int.class, io.fluentdl.train.BatchMetrics.class,
                        TrainingControl.class).getDeclaringClass() != Callback.class) {
                    return true;
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e); // every Callback has it
            }
        }
        return false;
    }
}
