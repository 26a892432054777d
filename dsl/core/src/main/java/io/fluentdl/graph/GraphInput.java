package io.fluentdl.graph;

import io.fluentdl.layers.ImageShape;
import io.fluentdl.layers.Shapes;

/**
 * A named input of a functional model, Keras' {@code Input(shape=..., name=...)}: a vector of
 * {@code size} features, or an image ({@code shape} non-null, channels-last) given as flat rows of
 * height·width·channels numbers, as {@code Sequential.input(h, w, c)} takes them.
 *
 * @param name  the input's name, the key of its features in a {@code MultiDataset}
 * @param size  numbers per example, ≥ 1
 * @param image the image shape, or null for vectors
 */
public record GraphInput(String name, int size, ImageShape image) {

    /** The shape of one example, {@code [n]} or {@code [h, w, c]}. */
    public long[] shape() {
        return Shapes.input(image, size);
    }
}
