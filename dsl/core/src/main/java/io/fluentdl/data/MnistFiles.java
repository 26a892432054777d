package io.fluentdl.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the four MNIST files are, and how that folder was chosen.
 *
 * <p>Each file may be gzip-compressed ({@code train-images-idx3-ubyte.gz}, as distributed) or not
 * ({@code train-images-idx3-ubyte}, as DL4J leaves them after unpacking); the compressed one wins
 * when both exist. Found by {@link Mnist#locate(Path)}; nothing is read until {@link Mnist#load}.
 *
 * @param folder      the folder that holds the files
 * @param source      how the folder was chosen, for logs and provenance, e.g.
 *                    {@code FLUENTDL_MNIST_DIR=/data/mnist}
 * @param trainImages the 60,000 training images
 * @param trainLabels their labels
 * @param testImages  the 10,000 test images
 * @param testLabels  their labels
 * @param mustBeMnist whether the files claim to be MNIST itself (the shipped copy), so that reading
 *                    checks their SHA-256 sums against MNIST's; any other folder may hold any data
 *                    set of the same format (its sums are recorded, and tell whether it is MNIST)
 */
public record MnistFiles(Path folder, String source, Path trainImages, Path trainLabels, Path testImages,
        Path testLabels, boolean mustBeMnist) {

    /** The four base names, without {@code .gz}, in the order train images, train labels, test images, test labels. */
    public static final List<String> NAMES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** The four files, in the order of {@link #NAMES}. */
    public List<Path> files() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    /** The files in a folder that may hold any IDX data set, or empty when any of the four is missing. */
    static Optional<MnistFiles> in(Path folder, String source) {
        return in(folder, source, false);
    }

    /** The files in {@code folder}, or empty when any of the four is missing (see {@link #missingIn}). */
    static Optional<MnistFiles> in(Path folder, String source, boolean mustBeMnist) {
        List<Path> found = new ArrayList<>();
        for (String name : NAMES) {
            Path file = find(folder, name);
            if (file == null) {
                return Optional.empty();
            }
            found.add(file);
        }
        return Optional.of(new MnistFiles(folder, source, found.get(0), found.get(1), found.get(2), found.get(3),
                mustBeMnist));
    }

    /** The names (with {@code .gz}) of the files that {@code folder} lacks in both forms. */
    static List<String> missingIn(Path folder) {
        List<String> missing = new ArrayList<>();
        for (String name : NAMES) {
            if (find(folder, name) == null) {
                missing.add(String.format("%s.gz", name));
            }
        }
        return missing;
    }

    private static Path find(Path folder, String name) {
        Path gz = folder.resolve(String.format("%s.gz", name));
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = folder.resolve(name);
        return Files.isRegularFile(raw) ? raw : null;
    }
}
