package io.fluentdl.layers;

import io.fluentdl.errors.Check;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Init;
import java.util.function.UnaryOperator;

/**
 * A 2-D convolution over images, Keras' {@code Conv2D}: {@code filters} kernels of
 * {@code kernel × kernel} pixels slide over the input with a {@code stride}, each producing one output
 * channel, followed by a bias and the activation.
 *
 * <pre>{@code
 * Sequential.named("convnet").input(28, 28, 1)
 *         .conv2d(32, 3, RELU)                          // 3x3, stride 1, valid padding
 *         .conv2d(64, 3, 2, Padding.SAME, RELU)         // stride 2, zero-padded
 * }</pre>
 * Parameters: {@code kernel²·inChannels·filters} weights plus {@code filters} biases, as in Keras.
 *
 * <p>Maps to DL4J: {@code ConvolutionLayer(kernelSize, stride, convolutionMode, nOut=filters)} in
 * DL4J's NCHW layout. Glorot/He initialisers use DL4J's fan-out of {@code filters·kernel²/stride²}
 * (Keras: {@code filters·kernel²}); the two agree for stride 1. With batch norm before the
 * activation it becomes {@code ConvolutionLayer(identity)} + {@code BatchNormalization} (per channel) +
 * {@code ActivationLayer}.
 *
 * @param name           layer name, {@code conv2d_1} by default
 * @param filters        output channels, ≥ 1
 * @param kernel         window height and width in pixels, ≥ 1
 * @param stride         step of the window, ≥ 1
 * @param padding        {@link Padding#VALID} or {@link Padding#SAME}
 * @param activation     the activation
 * @param init           the weight initialiser (Keras default glorot_uniform)
 * @param useBias        true/false, or null for the default (as for {@link Dense})
 * @param regularization penalties on the weights
 */
public record Conv2D(String name, int filters, int kernel, int stride, Padding padding, Activation activation,
                     Init init, Boolean useBias, Regularization regularization) implements LayerSpec {

    /** Builds a convolution, checking each argument at the call. */
    public static Conv2D of(String where, String name, int filters, int kernel, int stride, Padding padding,
                            Activation activation, Init init, UnaryOperator<DenseOptions> options) {
        Check.atLeast(where, "filters", filters, 1);
        Check.atLeast(where, "kernel", kernel, 1);
        Check.atLeast(where, "stride", stride, 1);
        Check.notNull(where, "padding", padding);
        Check.notNull(where, "activation", activation);
        Check.notNull(where, "init", init);
        DenseOptions o = options.apply(new DenseOptions(where));
        return new Conv2D(o.name() != null ? o.name() : name, filters, kernel, stride, padding, activation, init,
                o.useBias(), o.regularization());
    }

    /** Whether the bias is kept when batch norm comes before the activation ({@code false} unless asked). */
    public boolean biasWithBnBefore() {
        return useBias != null && useBias;
    }

    /** Whether the bias is kept otherwise ({@code true} unless asked). */
    public boolean biasOtherwise() {
        return useBias == null || useBias;
    }

    @Override
    public String kind() {
        return "Conv2D";
    }
}
