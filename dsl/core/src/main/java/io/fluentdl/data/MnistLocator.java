package io.fluentdl.data;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Finds the folder with the four MNIST files: the given path, then {@value Mnist#ENV_DIR}, then
 * DL4J's caches and our own download cache, then the copy shipped on the class path (the
 * {@code fluentdl-datasets} jar), and only when that jar is absent DL4J's download.
 *
 * <p>A folder the user named (path or environment variable) must be complete: falling back to a
 * cache behind their back would train on other data than they asked for. Caches are used only when
 * complete. The locator never writes into a folder it did not create; a download lands in a fresh
 * temporary folder next to our cache and only its four files are moved into the cache.
 */
final class MnistLocator {

    /** Puts the four files (compressed or not) into an empty folder, or throws why it could not. */
    @FunctionalInterface
    interface Downloader {
        void downloadInto(Path folder) throws Exception;
    }

    // DL4J's MnistFetcher uses 3 tries with a 200 s connect timeout; offline that hangs for minutes.
    private static final int DOWNLOAD_TRIES = 2;
    private static final int CONNECT_TIMEOUT_MS = 15_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    private final Function<String, String> environment;
    private final List<Path> dl4jCaches;
    private final Path downloadCache;
    private final Supplier<Optional<MnistFiles>> shipped;
    private final Downloader downloader;

    MnistLocator(Function<String, String> environment, List<Path> dl4jCaches, Path downloadCache,
                 Supplier<Optional<MnistFiles>> shipped, Downloader downloader) {
        this.environment = environment;
        this.dl4jCaches = List.copyOf(dl4jCaches);
        this.downloadCache = downloadCache;
        this.shipped = shipped;
        this.downloader = downloader;
    }

    /** The real environment, DL4J's folders and {@code ~/.fluentdl/datasets/mnist} as our cache. */
    static MnistLocator standard() {
        Path home = Path.of(System.getProperty("user.home"));
        // DL4J's own rule (DL4JResources), read here because touching that class creates the folder.
        String dl4jProperty = System.getProperty("org.deeplearning4j.resources.directory");
        Path dl4jBase = dl4jProperty == null ? home.resolve(".deeplearning4j") : Path.of(dl4jProperty);
        // data/MNIST is where older DL4J versions unpack; M2.1 unpacks straight into the base folder.
        return new MnistLocator(System::getenv, List.of(dl4jBase.resolve("data").resolve("MNIST"), dl4jBase),
                home.resolve(".fluentdl").resolve("datasets").resolve("mnist"), ShippedMnist::find, MnistLocator::downloadWithDl4j);
    }

    MnistFiles locate(Path explicit) {
        if (explicit != null) {
            return required(explicit, String.format("given path %s", explicit),
                    String.format("Pass --data a folder that has them, or leave it out to use %s or DL4J's cache", Mnist.ENV_DIR));
        }
        String fromEnvironment = environment.apply(Mnist.ENV_DIR);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return required(Path.of(fromEnvironment), String.format("%s=%s", Mnist.ENV_DIR, fromEnvironment),
                    String.format("Point %s at a folder that has them, or unset it to use DL4J's cache", Mnist.ENV_DIR));
        }
        List<String> looked = new ArrayList<>();
        looked.add("given path (none)");
        looked.add(String.format("%s (not set)", Mnist.ENV_DIR));
        List<Path> caches = new ArrayList<>(dl4jCaches);
        caches.add(downloadCache);
        for (Path cache : caches) {
            Optional<MnistFiles> files = MnistFiles.in(cache, String.format("cache %s", cache));
            if (files.isPresent()) {
                return files.get();
            }
            looked.add(String.format("%s (%s)", cache, whatIsMissing(cache)));
        }
        Optional<MnistFiles> onClassPath = shipped.get();
        if (onClassPath.isPresent()) {
            return onClassPath.get();
        }
        looked.add(String.format("the shipped copy (%s is not on the class path)", ShippedMnist.ARTIFACT));
        return download(looked);
    }

    private static MnistFiles required(Path folder, String source, String fix) {
        String where = String.format("MNIST folder '%s' (%s)", folder, source);
        if (Files.isRegularFile(folder)) {
            throw InvalidConfigException.of(where, "data", folder, "this is a file, and a folder with the four files is needed",
                    String.format("Pass its folder %s instead", folder.toAbsolutePath().getParent()));
        }
        if (!Files.isDirectory(folder)) {
            throw InvalidConfigException.of(where, "data", folder, "the folder does not exist", fix);
        }
        return MnistFiles.in(folder, source).orElseThrow(() -> InvalidConfigException.of(where, "data", folder,
                String.format("files are missing, got missing=%s (each may also be unpacked, without .gz)",
                        MnistFiles.missingIn(folder)), fix));
    }

    private static String whatIsMissing(Path folder) {
        return Files.isDirectory(folder) ? String.format("missing %s", String.join(", ", MnistFiles.missingIn(folder)))
                : "no such folder";
    }

    private MnistFiles download(List<String> looked) {
        Path partial = null;
        try {
            Files.createDirectories(downloadCache.getParent());
            partial = Files.createTempDirectory(downloadCache.getParent(), "mnist-download-");
            downloader.downloadInto(partial);
            List<String> missing = MnistFiles.missingIn(partial);
            if (!missing.isEmpty()) {
                throw new IOException(String.format("the download ended without %s", missing));
            }
            moveFiles(partial, downloadCache);
            return MnistFiles.in(downloadCache, String.format("downloaded by DL4J into %s", downloadCache))
                    .orElseThrow(() -> new IOException(String.format("the files vanished from %s", downloadCache)));
        } catch (Exception e) {
            looked.add(String.format("DL4J download into %s (failed: %s: %s)", downloadCache,
                    e.getClass().getSimpleName(), e.getMessage()));
            String rule = String.format("no folder has the four MNIST files and the download failed; looked in: %s",
                    String.join("; ", looked));
            String fix = String.format("Add %s to the class path, or set %s or pass --data to a folder with the four files (.gz or unpacked)",
                    ShippedMnist.ARTIFACT, Mnist.ENV_DIR);
            throw new InvalidConfigException(List.of(new Problem("MNIST", "data", null, rule, fix)), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** Moves our download's files (and nothing else) into the cache, replacing stale ones. */
    private static void moveFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && isMnistName(file.getFileName().toString())) {
                    Files.move(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean isMnistName(String name) {
        return MnistFiles.NAMES.stream().anyMatch(n -> name.equals(n) || name.equals(String.format("%s.gz", n)));
    }

    /** Deletes a temporary folder this locator created; failures leave litter, not errors. */
    private static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp folder is harmless; the cache itself is already complete or untouched.
        }
    }

    /** Downloads with DL4J's MNIST resources, aimed at our folder (see {@link io.fluentdl.internal.dl4j.MnistDownload}). */
    private static void downloadWithDl4j(Path folder) throws IOException {
        io.fluentdl.internal.dl4j.MnistDownload.into(folder, DOWNLOAD_TRIES, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
    }
}
