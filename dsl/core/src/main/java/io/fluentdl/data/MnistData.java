package io.fluentdl.data;

/**
 * MNIST as training and test {@link Dataset}s, plus where the files came from.
 *
 * <p>Features are FLOAT, n x 784 (28 x 28 pixels row by row, scaled to [0, 1] as pixel / 255);
 * labels are FLOAT one-hot, n x 10. Made by {@link Mnist#load(java.nio.file.Path, int, int)}.
 *
 * @param train  the first examples of the 60,000 training images, in file order
 * @param test   the first examples of the 10,000 test images, in file order
 * @param source how the folder was found, e.g. {@code FLUENTDL_MNIST_DIR=/data/mnist}, for provenance
 */
public record MnistData(Dataset train, Dataset test, String source) {
}
