package io.fluentdl.track;

import io.fluentdl.internal.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A run's {@code artifacts/} folder: where artifacts go, copies into it, and what it holds. */
final class RunArtifacts {

    private RunArtifacts() {
    }

    /** {@code <dir>/artifacts/<fileName>}, the folder created; {@code fileName} must be a plain file name. */
    static Path path(Path dir, String id, String fileName) {
        Path artifacts = dir.resolve(RunFiles.ARTIFACTS);
        Path target = artifacts.resolve(fileName).normalize();
        if (!target.getParent().equals(artifacts)) {
            throw new IllegalArgumentException(String.format(
                    "Run '%s': an artifact name must be a plain file name, got fileName='%s'.", id, fileName));
        }
        try {
            Files.createDirectories(artifacts);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Run '%s': could not create %s", id, artifacts), e);
        }
        return target;
    }

    /** Copies {@code file} in via a temporary file, so no half copies. */
    static Path copy(Path dir, String id, Path file) {
        Path target = path(dir, id, file.getFileName().toString());
        try {
            AtomicFiles.write(target, out -> Files.copy(file, out));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Run '%s': could not copy artifact %s", id, file), e);
        }
    }

    /** The artifacts' file names, sorted, without unfinished temporary files. */
    static List<String> names(Path dir, String id) {
        Path artifacts = dir.resolve(RunFiles.ARTIFACTS);
        if (!Files.isDirectory(artifacts)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(artifacts)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tmp")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Run '%s': could not list %s", id, artifacts), e);
        }
    }
}
