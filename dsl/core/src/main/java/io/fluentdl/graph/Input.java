package io.fluentdl.graph;

import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.layers.ImageShape;

/**
 * The inputs of a functional model, Keras' {@code keras.Input}:
 * <pre>{@code
 * Node image = Input.of("image", 28, 28, 1);   // Input(shape=(28, 28, 1), name="image")
 * Node meta = Input.of("meta", 8);              // Input(shape=(8,), name="meta")
 * }</pre>
 * The name is the key of the input's features in a {@code MultiDataset}.
 */
public final class Input {

    private Input() {
    }

    /** A vector input of {@code size} features. */
    public static Node of(String name, int size) {
        String where = where(name);
        return Node.input(new GraphInput(name, Check.atLeast(where, "size", size, 1), null));
    }

    /** An image input, channels-last as in Keras; examples are flat rows (see {@link ImageShape} for their order). */
    public static Node of(String name, int height, int width, int channels) {
        ImageShape shape = ImageShape.of(where(name), height, width, channels);
        return Node.input(new GraphInput(name, shape.size(), shape));
    }

    private static String where(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidConfigException.of("Input.of", "name", name, "an input needs a non-blank name",
                    "Use Input.of(\"features\", 8)");
        }
        return String.format("Input '%s'", name);
    }
}
