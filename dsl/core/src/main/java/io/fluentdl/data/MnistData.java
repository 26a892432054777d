package io.fluentdl.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MNIST (or another data set in its IDX format) as training and test {@link Dataset}s, plus what
 * was read and from where.
 *
 * <p>Features are FLOAT, n x 784 (28 x 28 pixels row by row, scaled to [0, 1] as pixel / 255);
 * labels are FLOAT one-hot, n x 10. Made by {@link Mnist#load(java.nio.file.Path, int, int)}.
 *
 * @param train   the first examples of the training images, in file order
 * @param test    the first examples of the test images, in file order
 * @param source  how the folder was found, e.g. {@code FLUENTDL_MNIST_DIR=/data/mnist}, for provenance
 * @param name    what the data set is: {@value Mnist#MNIST_NAME} when the files are MNIST's (by their
 *                SHA-256 sums), else the folder's name (e.g. {@code fashion-mnist}); see {@link #named}
 * @param sha256  each file's name to its SHA-256 (hex), for provenance
 * @param isMnist whether all four files are LeCun's MNIST files, compressed or not
 */
public record MnistData(Dataset train, Dataset test, String source, String name, Map<String, String> sha256,
        boolean isMnist) {

    public MnistData {
        sha256 = Collections.unmodifiableMap(new LinkedHashMap<>(sha256)); // keeps the files' order
    }

    /** The same data under another name, e.g. {@code "Fashion-MNIST"} from the CLI's {@code --dataset-name}. */
    public MnistData named(String newName) {
        return new MnistData(train, test, source, newName, sha256, isMnist);
    }
}
