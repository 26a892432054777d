package io.fluentdl.layers;

import io.fluentdl.errors.Check;

/**
 * The shape of one image example, channels-last as Keras writes it: {@code input(28, 28, 1)}.
 *
 * <p>Examples stay flat rows of {@code height·width·channels} numbers in a {@link io.fluentdl.data.Dataset};
 * the network reshapes them. DL4J reads a flat row in channels-first order (all of channel 0, then
 * channel 1, ...), which equals Keras' order when there is one channel (MNIST); a flattened RGB image
 * must be laid out channel by channel.
 *
 * <p>Maps to DL4J: {@code InputType.convolutionalFlat(height, width, channels)}, whose
 * {@code FeedForwardToCnnPreProcessor} reshapes each row to {@code [channels, height, width]} (NCHW).
 *
 * @param height   rows of pixels, ≥ 1
 * @param width    columns of pixels, ≥ 1
 * @param channels channels (1 for grey, 3 for RGB), ≥ 1
 */
public record ImageShape(int height, int width, int channels) {

    public ImageShape {
        String where = "input(height, width, channels)";
        Check.atLeast(where, "height", height, 1);
        Check.atLeast(where, "width", width, 1);
        Check.atLeast(where, "channels", channels, 1);
    }

    /** Numbers per example: height·width·channels. */
    /** The shape, each side checked as {@code where}'s (e.g. "Model 'm'") so the message names the model. */
    public static ImageShape of(String where, int height, int width, int channels) {
        Check.atLeast(where, "height", height, 1);
        Check.atLeast(where, "width", width, 1);
        Check.atLeast(where, "channels", channels, 1);
        return new ImageShape(height, width, channels);
    }

    public int size() {
        return height * width * channels;
    }
}
