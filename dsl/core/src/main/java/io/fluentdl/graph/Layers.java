package io.fluentdl.graph;

import io.fluentdl.errors.Check;
import io.fluentdl.layers.ActivationLayer;
import io.fluentdl.layers.BatchNorm;
import io.fluentdl.layers.Conv2D;
import io.fluentdl.layers.Dense;
import io.fluentdl.layers.DenseOptions;
import io.fluentdl.layers.Dropout;
import io.fluentdl.layers.Flatten;
import io.fluentdl.layers.GlobalPooling2D;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.layers.Output;
import io.fluentdl.layers.Padding;
import io.fluentdl.layers.PoolType;
import io.fluentdl.layers.Pooling2D;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Init;
import io.fluentdl.nn.Loss;
import java.util.function.UnaryOperator;

/**
 * The layers and merges of a functional model, Keras' {@code keras.layers} for the functional API:
 * each factory returns an {@link Op} to {@link Op#apply apply} to nodes. The layers are
 * {@code Sequential}'s, with the same arguments, checks, defaults and DL4J translation.
 *
 * <pre>{@code
 * Node x = Input.of("features", 8);
 * Node h = Layers.dense(8, RELU).apply(x);
 * Node sum = Layers.add(x, Layers.dense(8, IDENTITY).apply(h));   // a residual block
 * Node y = Layers.output(1, SIGMOID, BINARY_CROSSENTROPY).apply(sum);
 * }</pre>
 */
public final class Layers {

    private Layers() {
    }

    /** A dense layer with Keras' default initialiser (glorot_uniform). */
    public static Op dense(int units, Activation activation) {
        return dense(units, activation, Init.KERAS_DEFAULT, d -> d);
    }

    /** A dense layer with an initialiser and options ({@code d -> d.useBias(true).l2(1e-4).name("d1")}). */
    public static Op dense(int units, Activation activation, Init init, UnaryOperator<DenseOptions> options) {
        return Op.layer(Dense.of("Layers.dense", null, units, activation, init, options));
    }

    /** A convolution with stride 1 and valid padding, Keras' {@code Conv2D(filters, kernel, activation=...)}. */
    public static Op conv2d(int filters, int kernel, Activation activation) {
        return conv2d(filters, kernel, 1, Padding.VALID, activation);
    }

    /** A convolution with a stride and padding. */
    public static Op conv2d(int filters, int kernel, int stride, Padding padding, Activation activation) {
        return Op.layer(Conv2D.of("Layers.conv2d", null, filters, kernel, stride, padding, activation, Init.KERAS_DEFAULT, c -> c));
    }

    /** Max pooling over {@code size x size} windows with stride {@code size}. */
    public static Op maxPool(int size) {
        return Op.layer(Pooling2D.of("Layers.maxPool", null, PoolType.MAX, size, size, Padding.VALID));
    }

    /** Average pooling over {@code size x size} windows with stride {@code size}. */
    public static Op avgPool(int size) {
        return Op.layer(Pooling2D.of("Layers.avgPool", null, PoolType.AVG, size, size, Padding.VALID));
    }

    /** The mean of each channel over the image: (h, w, c) becomes (c). */
    public static Op globalAvgPool() {
        return Op.layer(new GlobalPooling2D(null, PoolType.AVG));
    }

    /** Images to vectors of height·width·channels numbers (see {@link Flatten} for the order). */
    public static Op flatten() {
        return Op.layer(new Flatten(null));
    }

    /**
     * Batch norm with Keras defaults. Directly after a dense or conv node it takes part in the model's
     * {@code batchNormPlacement} switch, as in {@code Sequential}.
     */
    public static Op batchNorm() {
        return batchNorm(b -> b);
    }

    /** Batch norm with options ({@code b -> b.momentum(0.9)}). */
    public static Op batchNorm(UnaryOperator<BatchNorm.Options> options) {
        return Op.layer(options.apply(new BatchNorm.Options("Layers.batchNorm")).build(null));
    }

    /** Dropout of a fraction {@code rate} in [0, 1) of the inputs (Keras' meaning). */
    public static Op dropout(double rate) {
        Check.inHalfOpen("Layers.dropout", "rate", rate, 0, 1, " (the fraction to DROP)");
        return Op.layer(new Dropout(null, rate));
    }

    /** An activation on its own. */
    public static Op activation(Activation activation) {
        return Op.layer(new ActivationLayer(null, Check.notNull("Layers.activation", "activation", activation)));
    }

    /** An output layer with its own loss; a model may have several. */
    public static Op output(int units, Activation activation, Loss loss) {
        return output(units, activation, loss, d -> d);
    }

    /** An output layer with options ({@code d -> d.name("digits").l2(1e-4)}). */
    public static Op output(int units, Activation activation, Loss loss, UnaryOperator<DenseOptions> options) {
        return Op.layer(Output.of("Layers.output", null, units, activation, loss, Init.KERAS_DEFAULT, options));
    }

    /**
     * Any layer spec, e.g. a user's own DL4J layer from {@code Model.layer(dl4jLayerConfig)} (see
     * {@link io.fluentdl.layers.CustomLayer}).
     */
    public static Op layer(LayerSpec layer) {
        return Op.layer(Check.notNull("Layers.layer", "layer", layer));
    }

    /** The element-wise sum of nodes of one shape, Keras' {@code layers.add([a, b])}. */
    public static Node add(Node... inputs) {
        return add().apply(inputs);
    }

    /** An add merge to apply later or to name: {@code Layers.add().named("residual").apply(a, b)}. */
    public static Op add() {
        return Op.merge(Merge.ADD);
    }

    /** Nodes side by side, Keras' {@code layers.concatenate([a, b])}: vectors end to end, images by channel. */
    public static Node concatenate(Node... inputs) {
        return concatenate().apply(inputs);
    }

    /** A concatenate merge to apply later or to name. */
    public static Op concatenate() {
        return Op.merge(Merge.CONCATENATE);
    }
}
