package io.fluentdl.internal.dl4j;

import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An independent copy of a network to experiment on (the LR range test): configuration, weights,
 * BN statistics, updater state and iteration/epoch counters, sharing no mutable object with the source.
 *
 * <p>Why not {@code MultiLayerNetwork.clone()}: in DL4J M2.1 {@code BaseLayer.clone()} does not clone the
 * layer's {@code IUpdater}, so a clone shares it with the original, and
 * {@code clone.setLearningRate(x)} (which mutates that {@code IUpdater}) silently changes the
 * original's learning rate and drops its schedule. Going through the configuration's JSON copies it all.
 */
public final class TrainingCopy {

    private TrainingCopy() {
    }

    /** The copy, without the source's listeners; the source is not modified (not even its lazy updater). */
    public static MultiLayerNetwork of(MultiLayerNetwork source) {
        MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(source.getLayerWiseConfigurations().toJson());
        MultiLayerNetwork copy = new MultiLayerNetwork(conf);
        copy.init(source.params().dup(), false);
        Updater updater = source.getUpdater(false);
        INDArray state = updater == null ? null : updater.getStateViewArray();
        if (state != null) {
            copy.getUpdater().setStateViewArray(copy, state.dup(), false);
        }
        return copy;
    }
}
