package io.fluentdl.internal.dl4j;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.internal.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A saved model: DL4J's model zip (weights, updater state, BN statistics) with the FluentDL spec's JSON
 * as one more entry, written through {@link AtomicFiles}: a crash never leaves half a file.
 */
public final class ModelZip {

    private static final String SPEC_ENTRY = "fluentdl-spec.json";

    private ModelZip() {
    }

    /** Writes {@code network} with its updater state and {@code specJson} to {@code file}. */
    public static void write(MultiLayerNetwork network, String specJson, Path file, String model) {
        Path target = file.toAbsolutePath();
        try {
            AtomicFiles.replace(target, tmp -> {
                ModelSerializer.writeModel(network, tmp.toFile(), true);
                try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()), Map.of())) {
                    Files.writeString(zip.getPath(SPEC_ENTRY), specJson, StandardCharsets.UTF_8);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Model '%s': could not save to %s", model, target), e);
        }
    }

    /** The spec JSON stored in a zip written by {@link #write}; checks that the file is such a zip first. */
    public static String specJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InvalidConfigException.of("Model.load", "file", file.toAbsolutePath(), String.format(
                    "No model file at %s", file.toAbsolutePath()), "Save one with model.save(path).");
        }
        requireZip(file);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + file.toAbsolutePath().toUri()), Map.of())) {
            Path entry = zip.getPath(SPEC_ENTRY);
            if (!Files.exists(entry)) {
                throw new IllegalArgumentException(String.format(
                        "%s is a DL4J model zip without a FluentDL spec; load it with ModelSerializer.restoreMultiLayerNetwork", file));
            }
            return Files.readString(entry, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Could not load a model from %s", file.toAbsolutePath()), e);
        }
    }

    /** The network stored in {@code file}, with its updater state. */
    public static MultiLayerNetwork network(Path file) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Could not load a model from %s", file.toAbsolutePath()), e);
        }
    }

    /** A zip starts with "PK\3\4"; anything else would fail inside the zip file system with "Provider "jar" not found". */
    private static void requireZip(Path file) {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Model.load: could not read %s", file.toAbsolutePath()), e);
        }
        if (read < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            throw InvalidConfigException.of("Model.load", "file", file.toAbsolutePath(), String.format(
                    "a model file is a zip written by model.save(path), got %s, which is not a zip (%d bytes)",
                    file.toAbsolutePath(), sizeOf(file)), "Pass the path of a saved model.");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
