package io.fluentdl.internal.dl4j;

import org.nd4j.shade.jackson.core.JsonProcessingException;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.layers.CustomLayer;
import io.fluentdl.layers.Shapes;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * A user's DL4J layer configuration in and out of a {@link CustomLayer}: DL4J's own JSON (the same
 * mapper its saved networks use), and the output shape DL4J computes for it.
 */
public final class CustomLayers {

    private CustomLayers() {
    }

    /** {@code layer} as a spec named {@code name}; the configuration is copied (later changes to it do not leak in). */
    public static CustomLayer of(String name, Layer layer) {
        String where = String.format("Model.layer('%s')", name);
        if (layer == null) {
            throw InvalidConfigException.of(where, "layer", null, "the DL4J layer configuration must not be null",
                    "Pass e.g. new DenseLayer.Builder().nOut(64).build()");
        }
        if (name == null || name.isBlank()) {
            throw InvalidConfigException.of("Model.layer", "name", name, "a custom layer needs a non-blank name",
                    "Use Model.layer(\"my_layer\", config)");
        }
        Layer copy = layer.clone();
        copy.setLayerName(name);
        try {
            return new CustomLayer(name, NeuralNetConfiguration.mapper().writeValueAsString(copy), layer.getClass().getSimpleName());
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(java.util.List.of(io.fluentdl.errors.Problem.of(where, "layer",
                    layer.getClass().getName(), String.format("DL4J could not write the configuration as JSON: %s",
                            e.getOriginalMessage()))), e);
        }
    }

    /** A fresh DL4J configuration from the spec, named as the spec is. */
    public static Layer layer(CustomLayer spec) {
        try {
            Layer layer = NeuralNetConfiguration.mapper().readValue(spec.dl4jJson(), Layer.class);
            layer.setLayerName(spec.name());
            return layer;
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(java.util.List.of(io.fluentdl.errors.Problem.of(
                    String.format("Custom layer '%s'", spec.name()), "dl4jJson", spec.dl4jType(),
                    String.format("not a DL4J layer configuration: %s", e.getOriginalMessage()))), e);
        }
    }

    /** The output shape (per example, channels-last) DL4J gives the layer for an input of shape {@code in}. */
    public static long[] outputShape(CustomLayer spec, long[] in) {
        InputType type = Shapes.isImage(in) ? InputType.convolutional(in[0], in[1], in[2]) : InputType.feedForward(in[0]);
        InputType out;
        try {
            out = layer(spec).getOutputType(-1, type);
        } catch (RuntimeException e) {
            throw InvalidConfigException.of(String.format("Custom layer '%s' (%s)", spec.name(), spec.dl4jType()), "input",
                    Shapes.keras(in), String.format("DL4J rejected the input %s: %s", Shapes.keras(in), e.getMessage()),
                    "Check that the layer takes vectors or images as its input gives them");
        }
        if (out instanceof InputType.InputTypeConvolutional c) {
            return new long[] {c.getHeight(), c.getWidth(), c.getChannels()};
        }
        return new long[] {out.arrayElementsPerExample()};
    }
}
