package io.fluentdl.layers;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Output shapes of layers, per example and channels-last as Keras prints them: {@code [h, w, c]} for
 * images, {@code [n]} for vectors. The summary shows them, the stack rules check them, and the
 * translator sizes DL4J's flattening from them.
 */
public final class Shapes {

    private Shapes() {
    }

    /** The shape of the model's input: {@code [h, w, c]} for {@code input(h, w, c)}, else {@code [n]}. */
    public static long[] input(ImageShape image, int inputSize) {
        return image == null ? new long[] {inputSize} : new long[] {image.height(), image.width(), image.channels()};
    }

    /** Whether {@code shape} is an image ({@code [h, w, c]}). */
    public static boolean isImage(long[] shape) {
        return shape.length == 3;
    }

    /**
     * The output shape of {@code layer} for an input of shape {@code in}. The caller has checked that the
     * layer accepts it (images for conv/pool, vectors for dense/output).
     */
    public static long[] after(LayerSpec layer, long[] in) {
        if (layer instanceof Conv2D c) {
            return new long[] {c.padding().outputSize(in[0], c.kernel(), c.stride()),
                    c.padding().outputSize(in[1], c.kernel(), c.stride()), c.filters()};
        } else if (layer instanceof Pooling2D p) {
            return new long[] {p.padding().outputSize(in[0], p.size(), p.stride()),
                    p.padding().outputSize(in[1], p.size(), p.stride()), in[2]};
        } else if (layer instanceof GlobalPooling2D) {
            return new long[] {in[in.length - 1]};
        } else if (layer instanceof Flatten) {
            return new long[] {Arrays.stream(in).reduce(1, (a, b) -> a * b)};
        } else if (layer instanceof Dense d) {
            return new long[] {d.units()};
        } else if (layer instanceof Output o) {
            return new long[] {o.units()};
        }
        return in; // batch norm, dropout, activation keep the shape
    }

    /** The number of features BN normalises separately: channels of an image, units of a vector. */
    public static long features(long[] shape) {
        return shape[shape.length - 1];
    }

    /** Keras' notation: {@code (None, 26, 26, 32)}. */
    public static String keras(long[] shape) {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(None, ", ")"));
    }
}
