package io.fluentdl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.errors.InvalidConfigException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search order, with a fake environment, fake caches and a fake download: nothing goes online. */
class MnistLocatorTest {

    @TempDir
    Path temp;

    private final AtomicInteger downloads = new AtomicInteger();

    private MnistLocator locator(Map<String, String> env, MnistLocator.Downloader downloader) {
        return new MnistLocator(env::get, List.of(temp.resolve("dl4j/data/MNIST"), temp.resolve("dl4j")),
                temp.resolve("fluentdl/datasets/mnist"), Optional::empty, folder -> {
                    downloads.incrementAndGet();
                    downloader.downloadInto(folder);
                });
    }

    private MnistLocator offline(Map<String, String> env) {
        return locator(env, folder -> {
            throw new UnknownHostException("dl4jdata.blob.core.windows.net");
        });
    }

    @Test
    void givenPathWinsOverTheEnvironment() throws IOException {
        Path given = temp.resolve("given");
        Path fromEnv = temp.resolve("env");
        IdxFixtures.writeTinySet(given);
        IdxFixtures.writeTinySet(fromEnv);
        MnistFiles files = offline(Map.of(Mnist.ENV_DIR, fromEnv.toString())).locate(given);
        assertEquals(given, files.folder());
        assertEquals(given.resolve("train-images-idx3-ubyte.gz"), files.trainImages());
        assertEquals(String.format("given path %s", given), files.source());
    }

    @Test
    void environmentIsUsedWithoutAGivenPath() throws IOException {
        Path fromEnv = temp.resolve("env");
        IdxFixtures.writeTinySet(fromEnv);
        MnistFiles files = offline(Map.of(Mnist.ENV_DIR, fromEnv.toString())).locate(null);
        assertEquals(fromEnv, files.folder());
        assertEquals(String.format("FLUENTDL_MNIST_DIR=%s", fromEnv), files.source());
    }

    @Test
    void anIncompleteEnvironmentFolderIsAnErrorNotAFallback() throws IOException {
        Path fromEnv = Files.createDirectories(temp.resolve("env"));
        IdxFixtures.writeTinySet(temp.resolve("dl4j/data/MNIST"));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> offline(Map.of(Mnist.ENV_DIR, fromEnv.toString())).locate(null));
        assertTrue(e.getMessage().startsWith(String.format("MNIST folder '%s' (FLUENTDL_MNIST_DIR=%s): files are missing", fromEnv, fromEnv)),
                e.getMessage());
        assertTrue(e.getMessage().contains("Point FLUENTDL_MNIST_DIR at a folder that has them"), e.getMessage());
    }

    @Test
    void completeDl4jCachesAreUsedInOrderAndIncompleteOnesSkipped() throws IOException {
        Files.createDirectories(temp.resolve("dl4j/data/MNIST"));
        Files.write(temp.resolve("dl4j/data/MNIST/train-images-idx3-ubyte.gz"), new byte[] {1});
        Path base = temp.resolve("dl4j");
        IdxFixtures.writeTinySet(base);
        MnistFiles files = offline(Map.of()).locate(null);
        assertEquals(base, files.folder());
        assertEquals(String.format("cache %s", base), files.source());
        assertEquals(0, downloads.get());
    }

    @Test
    void failedDownloadListsEveryPlaceSearchedAndTheFix() throws IOException {
        Files.createDirectories(temp.resolve("dl4j"));
        Files.write(temp.resolve("dl4j/train-labels-idx1-ubyte"), new byte[] {1});
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> offline(Map.of()).locate(null));
        String message = e.getMessage();
        for (String fragment : List.of("MNIST: no folder has the four MNIST files", "given path (none)",
                "FLUENTDL_MNIST_DIR (not set)", String.format("%s (no such folder)", temp.resolve("dl4j/data/MNIST")),
                String.format("%s (missing train-images-idx3-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz)",
                        temp.resolve("dl4j")),
                String.format("DL4J download into %s (failed: UnknownHostException: dl4jdata.blob.core.windows.net)",
                        temp.resolve("fluentdl/datasets/mnist")),
                "the shipped copy (io.fluentdl:fluentdl-datasets is not on the class path)",
                "Add io.fluentdl:fluentdl-datasets to the class path, or set FLUENTDL_MNIST_DIR or pass --data to a folder with the four files")) {
            assertTrue(message.contains(fragment), String.format("'%s' not in: %s", fragment, message));
        }
        assertTrue(e.getCause() instanceof UnknownHostException);
        try (Stream<Path> left = Files.list(temp.resolve("fluentdl/datasets"))) {
            assertEquals(List.of(), left.toList(), "a failed download must leave no folder behind");
        }
    }

    @Test
    void successfulDownloadIsMovedIntoOurCacheAndReusedNextTime() throws IOException {
        MnistLocator locator = locator(Map.of(), IdxFixtures::writeTinySet);
        MnistFiles first = locator.locate(null);
        Path cache = temp.resolve("fluentdl/datasets/mnist");
        assertEquals(cache, first.folder());
        assertEquals(String.format("downloaded by DL4J into %s", cache), first.source());
        assertEquals(3, Mnist.load(first, Integer.MAX_VALUE, Integer.MAX_VALUE).train().size());
        try (Stream<Path> left = Files.list(temp.resolve("fluentdl/datasets"))) {
            assertEquals(List.of(cache), left.toList(), "temporary folder left behind");
        }
        MnistFiles second = locator.locate(null);
        assertEquals(String.format("cache %s", cache), second.source());
        assertEquals(1, downloads.get());
    }

    @Test
    void aDownloadThatLeavesFilesOutIsAFailure() {
        MnistLocator locator = locator(Map.of(), folder -> Files.write(folder.resolve("train-images-idx3-ubyte"), new byte[] {1}));
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> locator.locate(null));
        assertTrue(e.getMessage().contains("the download ended without [train-labels-idx1-ubyte.gz"), e.getMessage());
    }

    @Test
    void theShippedCopyComesAfterTheCachesAndBeforeAnyDownload() throws IOException {
        Path shippedFolder = temp.resolve("shipped");
        IdxFixtures.writeTinySet(shippedFolder);
        MnistFiles shippedFiles = MnistFiles.in(shippedFolder, "shipped copy", true).orElseThrow();
        MnistLocator locator = new MnistLocator(Map.<String, String>of()::get, List.of(temp.resolve("dl4j")),
                temp.resolve("fluentdl/datasets/mnist"), () -> Optional.of(shippedFiles), folder -> {
                    downloads.incrementAndGet();
                });
        assertEquals(shippedFiles, locator.locate(null));
        IdxFixtures.writeTinySet(temp.resolve("dl4j"));
        assertEquals(temp.resolve("dl4j"), locator.locate(null).folder(), "a complete DL4J cache wins over the shipped copy");
        assertEquals(0, downloads.get());
    }

    @Test
    void theRealLocatorFindsTheShippedCopyOnTheTestClassPath() {
        MnistFiles shipped = Mnist.shipped().orElseThrow();
        assertTrue(shipped.mustBeMnist());
        assertTrue(shipped.source().startsWith("shipped copy (io.fluentdl:fluentdl-datasets, "), shipped.source());
        assertEquals("train-images-idx3-ubyte.gz", shipped.trainImages().getFileName().toString());
    }
}
