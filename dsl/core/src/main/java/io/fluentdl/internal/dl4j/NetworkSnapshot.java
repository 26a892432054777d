package io.fluentdl.internal.dl4j;

import io.fluentdl.train.TrainingControl.Snapshot;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Parameters (weights and BN statistics: DL4J keeps both in {@code params()}) and updater state of one network, a
 * {@code MultiLayerNetwork} or a {@code ComputationGraph}: what {@link NetworkControl} and {@link GraphControl} hand out
 * as a {@link Snapshot} and take back.
 */
record NetworkSnapshot(Model network, INDArray params, INDArray updaterState) implements Snapshot {

    /** A copy of {@code network}'s parameters and of its updater's state view ({@code state}, null before any step). */
    static NetworkSnapshot of(Model network, INDArray state) {
        return new NetworkSnapshot(network, network.params().dup(), state == null ? null : state.dup());
    }

    /** Puts {@code snapshot} back into {@code network}, whose updater state view {@code state} gives. */
    static void restore(Snapshot snapshot, Model network, Supplier<INDArray> state) {
        if (!(snapshot instanceof NetworkSnapshot s) || s.network != network) {
            throw new IllegalArgumentException(String.format(
                    "TrainingControl.restore: a snapshot restores only into the model it was taken from, got %s", snapshot));
        }
        network.setParams(s.params);
        INDArray view = state.get();
        if (view != null && s.updaterState != null) {
            view.assign(s.updaterState);
        }
    }

    @Override
    public String toString() {
        return String.format("Snapshot(%d parameters)", params.length());
    }
}
