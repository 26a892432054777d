package io.fluentdl.layers;

import io.fluentdl.errors.Check;

/**
 * Max or average pooling over {@code size × size} windows, Keras' {@code MaxPooling2D} /
 * {@code AveragePooling2D}. Keras' default stride is the window size (non-overlapping windows). No parameters.
 *
 * <p>Maps to DL4J: {@code SubsamplingLayer(PoolingType.MAX|AVG, kernelSize, stride, convolutionMode)}.
 * Average pooling with {@link Padding#SAME} divides by the valid pixels of a border window, as Keras
 * does (DL4J's builder default {@code avgPoolIncludePadInDivisor=true} counts the padding zeros; we set false).
 *
 * @param name    layer name, {@code max_pooling2d_1} or {@code average_pooling2d_1} by default
 * @param type    {@link PoolType#MAX} or {@link PoolType#AVG}
 * @param size    window height and width, ≥ 1
 * @param stride  step of the window, ≥ 1
 * @param padding {@link Padding#VALID} or {@link Padding#SAME}
 */
public record Pooling2D(String name, PoolType type, int size, int stride, Padding padding) implements LayerSpec {

    public static Pooling2D of(String where, String name, PoolType type, int size, int stride, Padding padding) {
        Check.notNull(where, "type", type);
        Check.atLeast(where, "size", size, 1);
        Check.atLeast(where, "stride", stride, 1);
        Check.notNull(where, "padding", padding);
        return new Pooling2D(name, type, size, stride, padding);
    }

    @Override
    public String kind() {
        return type == PoolType.MAX ? "MaxPooling2D" : "AveragePooling2D";
    }

    @Override
    public String autoPrefix() {
        return type == PoolType.MAX ? "max_pooling2d" : "average_pooling2d";
    }
}
