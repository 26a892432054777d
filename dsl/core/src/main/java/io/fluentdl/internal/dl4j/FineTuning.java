package io.fluentdl.internal.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A trained network's weights under a configuration that freezes other layers ({@code Model.freeze}). */
public final class FineTuning {

    private FineTuning() {
    }

    /**
     * A new network of {@code conf} with {@code source}'s weights and BN statistics (a frozen layer has the
     * same parameters in the same order as the layer it wraps) and its iteration and epoch counts, so
     * schedules and the shuffle order go on. The optimizer state starts empty: frozen layers have none,
     * so the layout differs, and Keras too starts a fresh optimizer when {@code compile()} follows a change of
     * {@code trainable}.
     */
    public static MultiLayerNetwork transfer(MultiLayerNetwork source, MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init(source.params().dup(), false);
        net.setIterationCount(source.getIterationCount());
        net.setEpochCount(source.getEpochCount());
        return net;
    }
}
