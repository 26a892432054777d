package io.fluentdl.internal.dl4j;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * One row of the summary: a layer as the user sees it (name, Keras type, output shape per example,
 * channels-last) and the DL4J layers it became, in order ({@code flatten()} becomes none: a
 * preprocessor on the next one).
 */
public record Block(String name, String kind, List<Long> outputShape, List<Layer> dl4jLayers) {

    public Block {
        outputShape = List.copyOf(outputShape);
        dl4jLayers = List.copyOf(dl4jLayers);
    }

    /** A row whose output is a vector of {@code outputSize} numbers. */
    public Block(String name, String kind, long outputSize, List<Layer> dl4jLayers) {
        this(name, kind, List.of(outputSize), dl4jLayers);
    }

    /** Numbers per example in the output: units for vectors, h·w·c for images. */
    public long outputSize() {
        return outputShape.stream().reduce(1L, (a, b) -> a * b);
    }

    /** The output shape as an array, {@code [h, w, c]} or {@code [n]}. */
    public long[] shape() {
        return outputShape.stream().mapToLong(Long::longValue).toArray();
    }
}
