package io.fluentdl.data;

import static io.fluentdl.data.IdxFixtures.gzip;
import static io.fluentdl.data.IdxFixtures.images;
import static io.fluentdl.data.IdxFixtures.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.errors.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class MnistTest {

    @TempDir
    Path temp;

    /** The real files: the copy shipped in fluentdl-datasets (a test dependency), never skipped. */
    private static Path realMnist() {
        return Mnist.shipped().orElseThrow(() -> new AssertionError("fluentdl-datasets is not on the test class path"))
                .folder();
    }

    private static int argmax(INDArray labels, int row) {
        return labels.getRow(row).argMax().getInt(0);
    }

    @Test
    void realMnistHasStandardCountsAndFirstLabels() {
        Path folder = realMnist();
        MnistData mnist = Mnist.load(folder);
        assertEquals(60_000, mnist.train().size());
        assertEquals(10_000, mnist.test().size());
        assertEquals(784, mnist.train().numFeatures());
        assertEquals(10, mnist.train().numLabelColumns());
        assertEquals(5, argmax(mnist.train().arrays().labels(), 0));
        assertEquals(7, argmax(mnist.test().arrays().labels(), 0));
        assertEquals(DataType.FLOAT, mnist.train().arrays().features().dataType());
        assertEquals(DataType.FLOAT, mnist.train().arrays().labels().dataType());
        assertTrue(mnist.source().contains(folder.toString()), mnist.source());
    }

    @Test
    void realMnistPixelsAreScaledToUnitRangeAndLabelsAreOneHot() {
        MnistData mnist = Mnist.load(realMnist());
        INDArray features = mnist.train().arrays().features();
        assertEquals(0.0, features.minNumber().doubleValue(), 0.0);
        assertEquals(1.0, features.maxNumber().doubleValue(), 0.0);
        INDArray rowSums = mnist.train().arrays().labels().sum(1);
        assertEquals(60_000.0, rowSums.sumNumber().doubleValue(), 0.0);
        assertEquals(1.0, rowSums.maxNumber().doubleValue(), 0.0);
        assertEquals(1.0, mnist.test().arrays().labels().sum(1).minNumber().doubleValue(), 0.0);
    }

    @Test
    void subsetsAreTheFirstImagesOfEachFile() {
        Path folder = realMnist();
        MnistData all = Mnist.load(folder);
        MnistData subset = Mnist.load(folder, 500, 100);
        assertEquals(500, subset.train().size());
        assertEquals(100, subset.test().size());
        assertEquals(all.train().arrays().features().get(NDArrayIndex.interval(0, 500), NDArrayIndex.all()),
                subset.train().arrays().features());
        assertEquals(all.test().arrays().labels().get(NDArrayIndex.interval(0, 100), NDArrayIndex.all()),
                subset.test().arrays().labels());
    }

    @Test
    void loadingNeverModifiesTheFolder() throws IOException {
        Path folder = realMnist();
        Map<String, String> before = IdxFixtures.snapshot(folder);
        Mnist.load(folder, 10, 10);
        Mnist.load(folder);
        assertEquals(before, IdxFixtures.snapshot(folder));

        Path tiny = temp.resolve("tiny");
        IdxFixtures.writeTinySet(tiny);
        Map<String, String> tinyBefore = IdxFixtures.snapshot(tiny);
        Mnist.load(tiny);
        assertEquals(tinyBefore, IdxFixtures.snapshot(tiny));
    }

    @Test
    void craftedFilesLoadScaledAndOneHot() throws IOException {
        Path folder = temp.resolve("tiny");
        IdxFixtures.writeTinySet(folder);
        MnistData data = Mnist.load(folder);
        assertEquals(3, data.train().size());
        assertEquals(2, data.test().size());
        assertEquals(1.0f, data.train().arrays().features().getFloat(0, 0), 0f);
        assertEquals(0.0f, data.train().arrays().features().getFloat(0, 1), 0f);
        assertEquals(40 / 255f, data.train().arrays().features().getFloat(1, 783), 0f);
        assertEquals(9, argmax(data.train().arrays().labels(), 2));
        assertEquals(2, argmax(data.test().arrays().labels(), 1));
    }

    @Test
    void unpackedFilesAreAcceptedToo() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("raw"));
        Files.write(folder.resolve("train-images-idx3-ubyte"), images(3));
        Files.write(folder.resolve("train-labels-idx1-ubyte"), labels(IdxFile.LABELS_MAGIC, (byte) 1, (byte) 2, (byte) 3));
        Files.write(folder.resolve("t10k-images-idx3-ubyte"), images(1));
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), labels(IdxFile.LABELS_MAGIC, (byte) 4));
        MnistData data = Mnist.load(folder);
        assertEquals(3, argmax(data.train().arrays().labels(), 2));
        assertEquals(4, argmax(data.test().arrays().labels(), 0));
    }

    private InvalidConfigException loadFailure(Path folder) {
        return assertThrows(InvalidConfigException.class, () -> Mnist.load(folder));
    }

    private static void assertMentions(InvalidConfigException e, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), String.format("'%s' not in: %s", fragment, e.getMessage()));
        }
    }

    @Test
    void badMagicNamesTheFileAndBothNumbers() throws IOException {
        Path folder = temp.resolve("magic");
        IdxFixtures.writeTinySet(folder);
        Path file = folder.resolve("train-images-idx3-ubyte.gz");
        byte[] pixels = new byte[3 * 784];
        Files.write(file, gzip(images(IdxFile.LABELS_MAGIC, 3, 28, 28, pixels)));
        InvalidConfigException e = loadFailure(folder);
        assertEquals(file, e.problems().get(0).value());
        assertMentions(e, String.format("MNIST file '%s'", file),
                "the magic number must be 2051, got magic=2049", "FLUENTDL_MNIST_DIR", "--data");
    }

    @Test
    void badLabelMagicIsReported() throws IOException {
        Path folder = temp.resolve("labelmagic");
        IdxFixtures.writeTinySet(folder);
        Path file = folder.resolve("t10k-labels-idx1-ubyte.gz");
        Files.write(file, gzip(labels(IdxFile.IMAGES_MAGIC, (byte) 7, (byte) 2)));
        assertMentions(loadFailure(folder), file.toString(), "must be 2049, got magic=2051");
    }

    @Test
    void truncatedPayloadIsReportedWithExpectedAndActualSizes() throws IOException {
        Path folder = temp.resolve("truncated");
        IdxFixtures.writeTinySet(folder);
        Path file = folder.resolve("t10k-images-idx3-ubyte.gz");
        Files.write(file, gzip(Arrays.copyOf(images(2), 16 + 784 + 10)));
        assertMentions(loadFailure(folder), file.toString(),
                "the file is truncated: the header promises 2 items (1568 bytes), got bytes=794");
    }

    @Test
    void cutOffGzipStreamIsReportedAsUnreadable() throws IOException {
        Path folder = temp.resolve("cutgz");
        IdxFixtures.writeTinySet(folder);
        Path file = folder.resolve("train-labels-idx1-ubyte.gz");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertMentions(loadFailure(folder), file.toString(), "the file cannot be read");
    }

    @Test
    void trailingBytesAreReported() throws IOException {
        Path folder = temp.resolve("trailing");
        IdxFixtures.writeTinySet(folder);
        Path file = folder.resolve("train-labels-idx1-ubyte.gz");
        Files.write(file, gzip(Arrays.copyOf(labels(IdxFile.LABELS_MAGIC, (byte) 5, (byte) 0, (byte) 9), 12)));
        assertMentions(loadFailure(folder), file.toString(), "data after the 3 items");
    }

    @Test
    void wrongImageSizeIsReported() throws IOException {
        Path folder = temp.resolve("size");
        IdxFixtures.writeTinySet(folder);
        Files.write(folder.resolve("train-images-idx3-ubyte.gz"),
                gzip(images(IdxFile.IMAGES_MAGIC, 3, 27, 28, new byte[3 * 27 * 28])));
        assertMentions(loadFailure(folder), "MNIST images must be 28x28, got rows=27, columns=28");
    }

    @Test
    void labelOutsideZeroToNineIsReportedWithItsIndex() throws IOException {
        Path folder = temp.resolve("label");
        IdxFixtures.writeTinySet(folder);
        Files.write(folder.resolve("train-labels-idx1-ubyte.gz"),
                gzip(labels(IdxFile.LABELS_MAGIC, (byte) 5, (byte) 10, (byte) 9)));
        assertMentions(loadFailure(folder), "train-labels-idx1-ubyte.gz", "got label=10 at index=1");
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path folder = temp.resolve("counts");
        IdxFixtures.writeTinySet(folder);
        Files.write(folder.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(IdxFile.LABELS_MAGIC, (byte) 5, (byte) 0)));
        assertMentions(loadFailure(folder), "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "got images=3, labels=2");
    }

    @Test
    void missingFileIsNamedWithTheFolder() throws IOException {
        Path folder = temp.resolve("missing");
        IdxFixtures.writeTinySet(folder);
        Files.delete(folder.resolve("t10k-labels-idx1-ubyte.gz"));
        InvalidConfigException e = loadFailure(folder);
        assertMentions(e, String.format("MNIST folder '%s' (given path", folder),
                "got missing=[t10k-labels-idx1-ubyte.gz]", "--data");
    }

    @Test
    void aFileGivenInsteadOfAFolderIsExplained() throws IOException {
        Path folder = temp.resolve("tiny");
        IdxFixtures.writeTinySet(folder);
        assertMentions(loadFailure(folder.resolve("train-images-idx3-ubyte.gz")), "this is a file",
                String.format("Pass its folder %s instead", folder));
    }

    @Test
    void hugeCountInACorruptHeaderIsReportedNotAllocated() throws IOException {
        Path folder = temp.resolve("huge");
        IdxFixtures.writeTinySet(folder);
        Files.write(folder.resolve("train-images-idx3-ubyte.gz"),
                gzip(images(IdxFile.IMAGES_MAGIC, 2_000_000, 28, 28, new byte[784])));
        assertMentions(loadFailure(folder), "the header promises 2000000 items (1568000000 bytes), got bytes=784");
    }

    @Test
    void missingFolderIsReported() {
        Path folder = temp.resolve("nowhere");
        assertMentions(loadFailure(folder), folder.toString(), "the folder does not exist");
    }

    @Test
    void limitsAreCheckedBeforeAndAfterReading() throws IOException {
        Path folder = temp.resolve("limits");
        IdxFixtures.writeTinySet(folder);
        InvalidConfigException zero = assertThrows(InvalidConfigException.class, () -> Mnist.load(folder, 0, 1));
        assertEquals("trainLimit", zero.problems().get(0).parameter());
        assertEquals("MNIST: trainLimit is a number of images and must be >= 1, got trainLimit=0.", zero.getMessage());
        InvalidConfigException tooMany = assertThrows(InvalidConfigException.class, () -> Mnist.load(folder, 3, 5));
        assertEquals("MNIST: testLimit must be in [1, 2], the number of images in the file, got testLimit=5.",
                tooMany.getMessage());
    }

    @Test
    void aChangedFileIsReadAgainNotServedFromMemory() throws IOException {
        Path folder = temp.resolve("changed");
        IdxFixtures.writeTinySet(folder);
        assertEquals(7, argmax(Mnist.load(folder).test().arrays().labels(), 0));
        Files.write(folder.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels(IdxFile.LABELS_MAGIC, (byte) 3, (byte) 2, (byte) 1)));
        Files.write(folder.resolve("t10k-images-idx3-ubyte.gz"), gzip(images(3)));
        MnistData reloaded = Mnist.load(folder);
        assertEquals(3, reloaded.test().size());
        assertEquals(3, argmax(reloaded.test().arrays().labels(), 0));
    }

    @Test
    void theShippedCopyIsMnistByItsSums() {
        MnistData mnist = Mnist.load(Mnist.shipped().orElseThrow(), 10, 10);
        assertTrue(mnist.isMnist());
        assertEquals("MNIST", mnist.name());
        assertEquals(List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz"), List.copyOf(mnist.sha256().keySet()));
        // the published SHA-256 of LeCun's train-images-idx3-ubyte.gz (also pinned by nixpkgs)
        assertEquals("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                mnist.sha256().get("train-images-idx3-ubyte.gz"));
    }

    @Test
    void anotherIdxDataSetIsNamedAfterItsFolderAndIsNotMnist() throws IOException {
        Path folder = temp.resolve("fashion-mnist");
        IdxFixtures.writeTinySet(folder);
        MnistData data = Mnist.load(folder);
        assertFalse(data.isMnist());
        assertEquals("fashion-mnist", data.name());
        assertEquals("Fashion-MNIST", data.named("Fashion-MNIST").name());
        assertEquals(MnistChecksums.sha256(folder.resolve("t10k-labels-idx1-ubyte.gz")),
                data.sha256().get("t10k-labels-idx1-ubyte.gz"));
    }

    @Test
    void unpackedMnistIsRecognisedByTheSumsOfTheUnpackedFiles() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("unpacked"));
        for (Path gz : Mnist.shipped().orElseThrow().files()) {
            String name = gz.getFileName().toString().replace(".gz", "");
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
                Files.copy(in, folder.resolve(name));
            }
        }
        MnistData data = Mnist.load(folder, 5, 5);
        assertTrue(data.isMnist());
        assertEquals("MNIST", data.name());
    }

    @Test
    void aCopyThatMustBeMnistButIsNotStopsNamingTheFileAndTheExpectedSum() throws IOException {
        Path folder = temp.resolve("damaged");
        IdxFixtures.writeTinySet(folder);
        MnistFiles claimed = MnistFiles.in(folder, "shipped copy", true).orElseThrow();
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Mnist.load(claimed, 1, 1));
        String message = e.getMessage();
        assertTrue(message.startsWith(String.format("MNIST file '%s' (shipped copy): the file is corrupt or truncated: "
                + "its SHA-256 must be 440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609, got sha256=%s",
                folder.resolve("train-images-idx3-ubyte.gz"), MnistChecksums.sha256(folder.resolve("train-images-idx3-ubyte.gz")))),
                message);
        assertEquals(1, message.lines().count(), message);
    }
}
