package io.fluentdl.layers;

import io.fluentdl.nn.Activation;

/**
 * A layer that only applies an activation, Keras' {@code Activation} layer; useful after a linear
 * dense layer to write "dense → BN → relu" by hand.
 *
 * <p>Maps to DL4J: {@code ActivationLayer}.
 *
 * @param name       layer name, {@code activation_1} by default
 * @param activation the activation
 */
public record ActivationLayer(String name, Activation activation) implements LayerSpec {

    @Override
    public String kind() {
        return "Activation";
    }
}
