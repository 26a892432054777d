package io.fluentdl.data;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The MNIST copy that ships with FluentDL: LeCun's four {@code .gz} files as class-path resources of
 * the {@code fluentdl-datasets} jar, read in place (through the JDK's zip file system when they sit
 * inside a jar), never unpacked to disk. They must be MNIST: reading checks their SHA-256 sums.
 */
final class ShippedMnist {

    /** The Maven artifact that holds the files. */
    static final String ARTIFACT = "io.fluentdl:fluentdl-datasets";
    /** The class-path folder of the four files. */
    static final String RESOURCE_FOLDER = "io/fluentdl/datasets/mnist";

    private ShippedMnist() {
    }

    /** The shipped files, or empty when the datasets jar is not on the class path. */
    static Optional<MnistFiles> find() {
        URL url = ShippedMnist.class.getClassLoader()
                .getResource(String.format("%s/%s.gz", RESOURCE_FOLDER, MnistFiles.NAMES.get(0)));
        if (url == null) {
            return Optional.empty();
        }
        Path first = pathOf(url);
        return MnistFiles.in(first.getParent(), String.format("shipped copy (%s, %s)", ARTIFACT, url), true);
    }

    private static Path pathOf(URL url) {
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri); // an unpacked class-path folder (an IDE, Maven's target/classes)
            }
            try {
                FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException alreadyOpen) {
                // opened by an earlier call in this JVM: Path.of(uri) finds it
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(String.format("%s: cannot open the shipped MNIST at %s", ARTIFACT, url), e);
        }
    }
}
