package io.fluentdl.layers;

/**
 * Pools each channel over the whole image to one number, Keras' {@code GlobalAveragePooling2D} /
 * {@code GlobalMaxPooling2D}: {@code (h, w, c)} becomes {@code (c)}. No parameters; often replaces
 * {@code flatten()} before the classifier.
 *
 * <p>Maps to DL4J: {@code GlobalPoolingLayer(PoolingType.AVG|MAX)} (output rank 2).
 *
 * @param name layer name, {@code global_average_pooling2d_1} or {@code global_max_pooling2d_1} by default
 * @param type {@link PoolType#AVG} or {@link PoolType#MAX}
 */
public record GlobalPooling2D(String name, PoolType type) implements LayerSpec {

    @Override
    public String kind() {
        return type == PoolType.MAX ? "GlobalMaxPooling2D" : "GlobalAveragePooling2D";
    }

    @Override
    public String autoPrefix() {
        return type == PoolType.MAX ? "global_max_pooling2d" : "global_average_pooling2d";
    }
}
