package io.fluentdl.layers;

/**
 * How a convolution or pooling window treats the border, Keras' {@code padding}.
 *
 * <ul>
 *   <li>{@link #VALID}: no padding; windows that would cross the border are dropped, so the output is
 *       {@code floor((in - kernel) / stride) + 1} wide.</li>
 *   <li>{@link #SAME}: zero-padding so that the output is {@code ceil(in / stride)} wide.</li>
 * </ul>
 *
 * <p>Maps to DL4J: {@code ConvolutionMode.Truncate} (VALID) and {@code ConvolutionMode.Same} (SAME).
 */
public enum Padding {
    VALID,
    SAME;

    /** The output width along one axis for an input of {@code in}, a window of {@code kernel} and a {@code stride}. */
    public long outputSize(long in, int kernel, int stride) {
        return this == SAME ? (in + stride - 1) / stride : Math.floorDiv(in - kernel, stride) + 1;
    }
}
