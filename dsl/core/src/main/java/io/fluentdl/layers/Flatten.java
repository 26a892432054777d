package io.fluentdl.layers;

/**
 * Turns each image {@code (h, w, c)} into a vector of {@code h·w·c} numbers, Keras' {@code Flatten}. No parameters.
 *
 * <p>Maps to DL4J: no layer, but a {@code CnnToFeedForwardPreProcessor} on the next DL4J layer. Its
 * vector is in DL4J's channels-first order (channel, row, column) where Keras' is (row, column,
 * channel): the same numbers in another order, which matters only when importing Keras weights of
 * the dense layer that follows.
 *
 * @param name layer name, {@code flatten_1} by default
 */
public record Flatten(String name) implements LayerSpec {

    @Override
    public String kind() {
        return "Flatten";
    }
}
