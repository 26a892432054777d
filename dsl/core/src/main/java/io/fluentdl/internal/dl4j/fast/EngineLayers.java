package io.fluentdl.internal.dl4j.fast;

import io.fluentdl.Engine;
import java.util.Map;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * Swaps DL4J's layer and updater configurations for FluentDL's ({@link Engine#FAST}) and back
 * ({@link Engine#STOCK}). A fast configuration is a subclass with the same fields, so the swap goes
 * through DL4J's own JSON: every field is carried over, including ones added by later DL4J versions, and
 * only the class changes. Updaters are swapped in every layer that has one (the fast updaters help any
 * layer), layers only where FluentDL has its own.
 */
public final class EngineLayers {

    private static final Map<Class<?>, Class<?>> FAST = Map.of(
            DenseLayer.class, FastDenseLayer.class,
            OutputLayer.class, FastOutputLayer.class,
            BatchNormalization.class, FastBatchNormalization.class);
    private static final Map<Class<?>, Class<?>> STOCK = Map.of(
            FastDenseLayer.class, DenseLayer.class,
            FastOutputLayer.class, OutputLayer.class,
            FastBatchNormalization.class, BatchNormalization.class);
    private static final Map<String, String> FAST_UPDATERS = Map.of(
            Adam.class.getName(), FastAdam.class.getName(),
            Nesterovs.class.getName(), FastNesterovs.class.getName(),
            RmsProp.class.getName(), FastRmsProp.class.getName());
    private static final Map<String, String> STOCK_UPDATERS = Map.of(
            FastAdam.class.getName(), Adam.class.getName(),
            FastNesterovs.class.getName(), Nesterovs.class.getName(),
            FastRmsProp.class.getName(), RmsProp.class.getName());
    /** BaseLayer's updater fields, as DL4J's JSON names them. */
    private static final String[] UPDATER_FIELDS = {"iupdater", "biasUpdater"};

    private EngineLayers() {
    }

    /** {@code layer} as {@code engine} runs it: the same configuration, possibly of another class. */
    public static Layer forEngine(Layer layer, Engine engine) {
        Class<?> target = (engine == Engine.FAST ? FAST : STOCK).get(layer.getClass());
        ObjectMapper mapper = NeuralNetConfiguration.mapper();
        ObjectNode json = mapper.valueToTree(layer);
        boolean changed = swapUpdaters(json, engine == Engine.FAST ? FAST_UPDATERS : STOCK_UPDATERS);
        if (target == null && !changed) {
            return layer;
        }
        if (target != null) {
            json.put("@class", target.getName());
        }
        try {
            return mapper.treeToValue(json, Layer.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(String.format("Engine %s: could not convert layer '%s' (%s)",
                    engine, layer.getLayerName(), layer.getClass().getSimpleName()), e);
        }
    }

    /** {@code updater} as {@code engine} runs it: the same configuration, possibly of another class. */
    public static IUpdater forEngine(IUpdater updater, Engine engine) {
        String target = (engine == Engine.FAST ? FAST_UPDATERS : STOCK_UPDATERS).get(updater.getClass().getName());
        if (target == null) {
            return updater;
        }
        ObjectMapper mapper = NeuralNetConfiguration.mapper();
        ObjectNode json = mapper.valueToTree(updater);
        json.put("@class", target);
        try {
            return mapper.treeToValue(json, IUpdater.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(String.format("Engine %s: could not convert updater %s", engine, updater), e);
        }
    }

    private static boolean swapUpdaters(ObjectNode layerJson, Map<String, String> classes) {
        boolean changed = false;
        for (String field : UPDATER_FIELDS) {
            if (layerJson.get(field) instanceof ObjectNode updater) {
                String target = classes.get(updater.path("@class").asText());
                if (target != null) {
                    updater.put("@class", target);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** A copy of {@code conf} whose layers {@code engine} runs; {@code conf} is not modified. */
    public static MultiLayerConfiguration forEngine(MultiLayerConfiguration conf, Engine engine) {
        MultiLayerConfiguration copy = MultiLayerConfiguration.fromJson(conf.toJson());
        for (NeuralNetConfiguration layerConf : copy.getConfs()) {
            layerConf.setLayer(forEngine(layerConf.getLayer(), engine));
        }
        return copy;
    }

    /** Which engine runs {@code conf}: FAST when any of its layers is one of ours. */
    public static Engine of(MultiLayerConfiguration conf) {
        return conf.getConfs().stream().anyMatch(c -> STOCK.containsKey(c.getLayer().getClass())) ? Engine.FAST : Engine.STOCK;
    }

    /**
     * A new network like {@code source} run by {@code engine}: same configuration otherwise, weights,
     * BN statistics, updater state, iteration and epoch counts and listeners.
     */
    public static MultiLayerNetwork rebuild(MultiLayerNetwork source, Engine engine) {
        MultiLayerNetwork net = new MultiLayerNetwork(forEngine(source.getLayerWiseConfigurations(), engine));
        net.init(source.params().dup(), false);
        Updater updater = source.getUpdater(false);
        INDArray state = updater == null ? null : updater.getStateViewArray();
        if (state != null) {
            net.getUpdater().setStateViewArray(net, state.dup(), false);
        }
        net.setIterationCount(source.getIterationCount());
        net.setEpochCount(source.getEpochCount());
        net.setListeners(source.getListeners());
        return net;
    }
}
