package io.fluentdl.internal.dl4j.fast;

import java.util.Map;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * Swaps DL4J's layer configurations for FluentDL's (the FAST engine) and back (STOCK).
 * A fast configuration is a subclass with the same fields, so the swap goes through DL4J's own JSON:
 * every field is carried over, including ones added by later DL4J versions, and only the class changes.
 */
public final class EngineLayers {

    private static final Map<Class<?>, Class<?>> FAST = Map.of(
            DenseLayer.class, FastDenseLayer.class,
            OutputLayer.class, FastOutputLayer.class,
            BatchNormalization.class, FastBatchNormalization.class,
            ActivationLayer.class, FastActivationLayer.class);
    private static final Map<Class<?>, Class<?>> STOCK = Map.of(
            FastDenseLayer.class, DenseLayer.class,
            FastOutputLayer.class, OutputLayer.class,
            FastBatchNormalization.class, BatchNormalization.class,
            FastActivationLayer.class, ActivationLayer.class);

    private EngineLayers() {
    }

    /** {@code layer} as {@code engine} runs it: the same configuration, possibly of another class. */
    public static Layer forEngine(Layer layer, boolean fast) {
        Class<?> target = (fast ? FAST : STOCK).get(layer.getClass());
        if (target == null) {
            return layer;
        }
        ObjectMapper mapper = NeuralNetConfiguration.mapper();
        ObjectNode json = mapper.valueToTree(layer);
        json.put("@class", target.getName());
        try {
            return mapper.treeToValue(json, Layer.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(String.format("Engine %s: could not convert layer '%s' (%s)",
                    fast ? "FAST" : "STOCK", layer.getLayerName(), layer.getClass().getSimpleName()), e);
        }
    }

    /** A copy of {@code conf} whose layers {@code engine} runs; {@code conf} is not modified. */
    public static MultiLayerConfiguration forEngine(MultiLayerConfiguration conf, boolean fast) {
        MultiLayerConfiguration copy = MultiLayerConfiguration.fromJson(conf.toJson());
        for (NeuralNetConfiguration layerConf : copy.getConfs()) {
            layerConf.setLayer(forEngine(layerConf.getLayer(), fast));
        }
        return copy;
    }

    /** Which engine runs {@code conf}: FAST when any of its layers is one of ours. */
    public static boolean isFast(MultiLayerConfiguration conf) {
        return conf.getConfs().stream().anyMatch(c -> STOCK.containsKey(c.getLayer().getClass()));
    }

    /**
     * Readies a network built or loaded elsewhere for its engine: the {@link SameViewUpdater} (keeping the optimizer
     * state), with FluentDL's Adam and fused step on FluentDL's layers, with DL4J's own updater arithmetic on DL4J's
     * own layers (there it only spares DL4J M2.1's per-step bookkeeping, bit for bit the same training).
     *
     * @return {@code net}
     */
    public static MultiLayerNetwork prepare(MultiLayerNetwork net) {
        SameViewUpdater.install(net, isFast(net.getLayerWiseConfigurations()));
        return net;
    }

    /**
     * A new network like {@code source} run by {@code engine}: same configuration otherwise, weights,
     * BN statistics, updater state, iteration and epoch counts and listeners.
     */
    public static MultiLayerNetwork rebuild(MultiLayerNetwork source, boolean fast) {
        MultiLayerNetwork net = new MultiLayerNetwork(forEngine(source.getLayerWiseConfigurations(), fast));
        net.init(source.params().dup(), false);
        Updater updater = source.getUpdater(false);
        INDArray state = updater == null ? null : updater.getStateViewArray();
        if (state != null) {
            net.getUpdater().setStateViewArray(net, state.dup(), false);
        }
        net.setIterationCount(source.getIterationCount());
        net.setEpochCount(source.getEpochCount());
        net.setListeners(source.getListeners());
        return prepare(net);
    }
}
