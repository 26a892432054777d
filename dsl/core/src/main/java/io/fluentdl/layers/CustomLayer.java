package io.fluentdl.layers;

/**
 * A user's own DL4J layer configuration, the escape hatch for what FluentDL does not wrap: any
 * {@code org.deeplearning4j.nn.conf.layers.Layer} (a DL4J layer, or a custom one with its
 * {@code instantiate(...)}), placed in a {@code Sequential} stack or a functional graph like any other
 * layer. Make one with {@code Model.layer(name, dl4jLayerConfig)}: FluentDL's public packages show no
 * DL4J type, so the configuration travels as DL4J's own JSON, which is also how a saved model keeps it.
 *
 * <p>FluentDL sets {@code nIn} from the layer before (leave it unset) and the layer's name; every
 * other field (activation, weight init, regularization, updater) is the user's, so DL4J's defaults
 * apply where the user set nothing. The output shape and parameter count in {@code summary()} are
 * DL4J's own. A custom layer is a hidden layer: the model's outputs are {@code output(...)} layers.
 *
 * <p>Maps to DL4J: the configuration as given, with {@code name} set.
 *
 * @param name     layer name, {@code custom_1} by default
 * @param dl4jJson the DL4J layer configuration as DL4J's JSON ({@code NeuralNetConfiguration.mapper()})
 * @param dl4jType the DL4J configuration's simple class name, shown by {@code summary()}
 */
public record CustomLayer(String name, String dl4jJson, String dl4jType) implements LayerSpec {

    @Override
    public String kind() {
        return dl4jType;
    }
}
