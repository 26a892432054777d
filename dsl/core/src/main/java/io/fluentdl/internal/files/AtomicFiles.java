package io.fluentdl.internal.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one atomic writer of FluentDL's files (saved models, run metadata, artifacts, results, reports):
 * readers see the old content or the new one, never a mix. The bytes go to a temporary file in the
 * same folder (same file system, so the rename is atomic), named by {@link TempFiles} with the writer's
 * pid so a later run can delete it if the writer was killed, are flushed to disk, then the temporary
 * file is renamed over the target. If writing fails the temporary file is removed and the target keeps
 * its old content.
 */
public final class AtomicFiles {

    /** Produces a file's content onto a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills a fresh temporary file (for writers that need a path, such as a zip file system). */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Atomically replaces {@code target} with UTF-8 text. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Atomically replaces {@code target} with bytes. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Atomically replaces {@code target} with what {@code content} writes, flushed to disk first. */
    public static void write(Path target, Content content) throws IOException {
        replace(target, temp -> {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
        });
    }

    /** Atomically replaces {@code target} with the file {@code content} creates at the temporary path it is given. */
    public static void replace(Path target, FileContent content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: it makes the file owner-only (0600), and results are meant to be shared
        Path temp = TempFiles.beside(target);
        try {
            content.writeTo(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
