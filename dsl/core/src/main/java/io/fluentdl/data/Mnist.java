package io.fluentdl.data;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.internal.dl4j.DataArrays;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MNIST handwritten digits, read from LeCun's four IDX files without copying or unpacking them.
 *
 * <p>The folder is found in this order: the path you pass (the CLI's {@code --data}), the
 * environment variable {@value #ENV_DIR}, DL4J's caches ({@code ~/.deeplearning4j/data/MNIST} and
 * {@code ~/.deeplearning4j}) and our download cache {@code ~/.fluentdl/datasets/mnist}, then the
 * copy shipped in the {@code fluentdl-datasets} jar (on the class path), and only when that jar is
 * absent DL4J's download into our cache. A folder you name may hold any data set of MNIST's IDX
 * format (Fashion-MNIST, KMNIST, ...): {@link MnistData#name()} and {@link MnistData#isMnist()} say
 * what was read, from the files' SHA-256 sums. Copies that must be MNIST (shipped, cached) are
 * checked against MNIST's sums when read. Files may be gzip-compressed or not. Every header, size and
 * label is checked, and an error names the file, what is wrong and how to fix it. Nothing is ever
 * written into or deleted from your folder (DL4J's own iterator deletes the {@code .gz} files
 * it unpacks, which is why we read them ourselves).
 *
 * <p>Parsed files are kept in memory per folder (softly, so the JVM may drop them), so loading
 * again in one JVM, e.g. once per experiment variant, costs only the conversion to arrays.
 *
 * <pre>{@code
 * MnistData mnist = Mnist.load(null, 5_000, 1_000);   // first 5,000 train and 1,000 test images
 * model.fit(mnist.train(), 20, 100, mnist.test());   // Model.batches(mnist.train(), 100, 42) for plain DL4J
 * }</pre>
 *
 * <p>Maps to DL4J: replaces {@code MnistDataSetIterator}; downloads with DL4J's MNIST resources.
 */
public final class Mnist {

    /** The environment variable naming a folder with the four files: {@value}. */
    public static final String ENV_DIR = "FLUENTDL_MNIST_DIR";
    /** Images are {@value} x {@value} pixels. */
    public static final int SIDE = 28;
    /** Features per image: {@value}. */
    public static final int PIXELS = SIDE * SIDE;
    /** Digits 0..9: {@value} classes. */
    public static final int CLASSES = 10;
    /** The name of a data set whose four files are MNIST's (checked by their SHA-256 sums): {@value}. */
    public static final String MNIST_NAME = "MNIST";

    private static final Map<Path, SoftReference<Parsed>> CACHE = new HashMap<>();

    private Mnist() {
    }

    /**
     * Finds the four files without reading them; see the class comment for the search order.
     *
     * @param folder a folder that must hold the four files, or {@code null} to search
     * @throws InvalidConfigException naming the missing files, or every place searched when the
     *                                download fails too
     */
    public static MnistFiles locate(Path folder) {
        return MnistLocator.standard().locate(folder);
    }

    /**
     * The copy of MNIST that ships in the {@code fluentdl-datasets} jar, when that jar is on the class
     * path; reading it checks the files' SHA-256 sums.
     */
    public static Optional<MnistFiles> shipped() {
        return ShippedMnist.find();
    }

    /**
     * All 60,000 training and 10,000 test images.
     *
     * @param folder a folder that must hold the four files, or {@code null} to search
     */
    public static MnistData load(Path folder) {
        return load(locate(folder), Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * The first {@code trainLimit} training and first {@code testLimit} test images, in file order.
     *
     * @param folder     a folder that must hold the four files, or {@code null} to search
     * @param trainLimit how many training images, 1 to 60,000 ({@link Integer#MAX_VALUE} for all)
     * @param testLimit  how many test images, 1 to 10,000 ({@link Integer#MAX_VALUE} for all)
     */
    public static MnistData load(Path folder, int trainLimit, int testLimit) {
        checkLimit("trainLimit", trainLimit);
        checkLimit("testLimit", testLimit);
        return load(locate(folder), trainLimit, testLimit);
    }

    /**
     * Like {@link #load(Path, int, int)}, for files already found by {@link #locate(Path)}.
     *
     * @param files      the four files
     * @param trainLimit how many training images, 1 to the file's count ({@link Integer#MAX_VALUE} for all)
     * @param testLimit  how many test images, 1 to the file's count ({@link Integer#MAX_VALUE} for all)
     */
    public static MnistData load(MnistFiles files, int trainLimit, int testLimit) {
        checkLimit("trainLimit", trainLimit);
        checkLimit("testLimit", testLimit);
        Parsed parsed = parsed(files);
        int train = limit("trainLimit", trainLimit, parsed.trainLabels.length);
        int test = limit("testLimit", testLimit, parsed.testLabels.length);
        boolean isMnist = MnistChecksums.isMnist(parsed.sha256);
        String name = isMnist ? MNIST_NAME : String.valueOf(files.folder().toAbsolutePath().normalize().getFileName());
        return new MnistData(toDataset(parsed.trainImages, parsed.trainLabels, train),
                toDataset(parsed.testImages, parsed.testLabels, test), files.source(), name, parsed.sha256, isMnist);
    }

    private static void checkLimit(String name, int value) {
        if (value < 1) {
            throw InvalidConfigException.of("MNIST", name, value,
                    String.format("%s is a number of images and must be >= 1, got %s=%d", name, name, value), "");
        }
    }

    private static int limit(String name, int requested, int available) {
        if (requested == Integer.MAX_VALUE) {
            return available;
        }
        if (requested > available) {
            throw InvalidConfigException.of("MNIST", name, requested,
                    String.format("%s must be in [1, %d], the number of images in the file, got %s=%d",
                            name, available, name, requested), "");
        }
        return requested;
    }

    /** Pixels become value / 255 in one float[], then one copy into ND4J; labels become one-hot rows. */
    private static Dataset toDataset(byte[] pixels, byte[] labels, int n) {
        float[] features = new float[n * PIXELS];
        for (int i = 0; i < features.length; i++) {
            features[i] = (pixels[i] & 0xff) / 255f;
        }
        float[] oneHot = new float[n * CLASSES];
        for (int i = 0; i < n; i++) {
            oneHot[i * CLASSES + labels[i]] = 1f;
        }
        return Dataset.over(DataArrays.ofRows(features, PIXELS, oneHot, CLASSES, n));
    }

    /** The checked contents of the four files, from memory when they have not changed on disk. */
    private static Parsed parsed(MnistFiles files) {
        Path key = files.folder().toAbsolutePath().normalize();
        List<Object> stamp = stamp(files);
        synchronized (CACHE) {
            SoftReference<Parsed> ref = CACHE.get(key);
            Parsed cached = ref == null ? null : ref.get();
            if (cached != null && cached.stamp.equals(stamp)) {
                return cached;
            }
        }
        Parsed fresh = Parsed.read(files, stamp);
        synchronized (CACHE) {
            CACHE.put(key, new SoftReference<>(fresh));
        }
        return fresh;
    }

    /** Path, size and modification time of each file: a changed file is read again. */
    private static List<Object> stamp(MnistFiles files) {
        List<Object> stamp = new ArrayList<>();
        for (Path file : files.files()) {
            stamp.add(file);
            try {
                stamp.add(Files.size(file));
                stamp.add(Files.getLastModifiedTime(file));
            } catch (IOException e) {
                stamp.add(e.getClass().getName());
            }
        }
        return stamp;
    }

    private static final class Parsed {
        final List<Object> stamp;
        final byte[] trainImages;
        final byte[] trainLabels;
        final byte[] testImages;
        final byte[] testLabels;
        final Map<String, String> sha256;

        private Parsed(List<Object> stamp, Map<String, String> sha256, byte[] trainImages, byte[] trainLabels,
                       byte[] testImages, byte[] testLabels) {
            this.stamp = stamp;
            this.sha256 = sha256;
            this.trainImages = trainImages;
            this.trainLabels = trainLabels;
            this.testImages = testImages;
            this.testLabels = testLabels;
        }

        static Parsed read(MnistFiles files, List<Object> stamp) {
            Map<String, String> sha256 = MnistChecksums.of(files);
            if (files.mustBeMnist()) {
                MnistChecksums.verify(files, sha256);
            }
            byte[] trainImages = IdxFile.readImages(files.trainImages(), SIDE);
            byte[] trainLabels = IdxFile.readLabels(files.trainLabels());
            agree(files.trainImages(), trainImages.length / PIXELS, files.trainLabels(), trainLabels.length);
            byte[] testImages = IdxFile.readImages(files.testImages(), SIDE);
            byte[] testLabels = IdxFile.readLabels(files.testLabels());
            agree(files.testImages(), testImages.length / PIXELS, files.testLabels(), testLabels.length);
            return new Parsed(stamp, sha256, trainImages, trainLabels, testImages, testLabels);
        }

        private static void agree(Path imagesFile, int images, Path labelsFile, int labels) {
            if (images != labels || images == 0) {
                throw InvalidConfigException.of(String.format("MNIST files '%s' and '%s'", imagesFile, labelsFile), "data",
                        imagesFile.getParent(),
                        String.format("need the same number (at least 1) of images and labels, got images=%d, labels=%d",
                                images, labels),
                        String.format("Replace them with the original pair, or set %s or pass --data to a folder of intact files",
                                ENV_DIR));
            }
        }
    }
}
