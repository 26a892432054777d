package io.fluentdl.internal.dl4j;

import io.fluentdl.errors.Check;
import io.fluentdl.train.TrainingControl;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** {@code Model.fit}'s {@link TrainingControl}: one per fit, over the network being trained. */
public final class NetworkControl implements TrainingControl {

    private final MultiLayerNetwork network;
    private final Consumer<Path> saver;
    private boolean stop;

    /** @param saver saves the whole model (weights, updater state, spec) to a path */
    public NetworkControl(MultiLayerNetwork network, Consumer<Path> saver) {
        this.network = network;
        this.saver = saver;
    }

    @Override
    public void stop() {
        stop = true;
    }

    @Override
    public boolean stopRequested() {
        return stop;
    }

    /** Maps to DL4J: {@code MultiLayerNetwork.getLearningRate(layer)}, first layer that has one. */
    @Override
    public double learningRate() {
        for (int i = 0; i < network.getnLayers(); i++) {
            Double lr = network.getLearningRate(i);
            if (lr != null && !lr.isNaN()) {
                return lr;
            }
        }
        return Double.NaN;
    }

    @Override
    public void setLearningRate(double value) {
        Check.positive("TrainingControl", "learningRate", value);
        network.setLearningRate(value);
    }

    @Override
    public void save(Path file) {
        saver.accept(file);
    }

    @Override
    public Snapshot snapshot() {
        Updater updater = network.getUpdater();
        return NetworkSnapshot.of(network, updater == null ? null : updater.getStateViewArray());
    }

    @Override
    public void restore(Snapshot snapshot) {
        NetworkSnapshot.restore(snapshot, network, () -> network.getUpdater().getStateViewArray());
    }
}
