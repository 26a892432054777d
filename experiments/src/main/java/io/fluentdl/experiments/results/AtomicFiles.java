package io.fluentdl.experiments.results;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The experiments' name for FluentDL's one atomic writer, {@link io.fluentdl.internal.files.AtomicFiles}
 * (same-folder temporary file, flushed, renamed over the target): kept so the report code's call sites
 * stay as they are; new code calls the library's writer directly.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Atomically replaces {@code target} with UTF-8 text. */
    public static void writeString(Path target, String text) throws IOException {
        io.fluentdl.internal.files.AtomicFiles.writeString(target, text);
    }

    /** Atomically replaces {@code target} with bytes. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        io.fluentdl.internal.files.AtomicFiles.writeBytes(target, bytes);
    }

    /** Atomically replaces {@code target} with what {@code content} writes. */
    public static void write(Path target, io.fluentdl.internal.files.AtomicFiles.Content content) throws IOException {
        io.fluentdl.internal.files.AtomicFiles.write(target, content);
    }
}
