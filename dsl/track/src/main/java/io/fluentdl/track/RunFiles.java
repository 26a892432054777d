package io.fluentdl.track;

import io.fluentdl.internal.files.AtomicFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The layout of a tracking root and of one run directory, and the atomic replacement of {@code run.json}:
 * written to a temporary file, forced to disk, then renamed over the old one, so a reader or a crash
 * sees either the old meta or the new, never half a file.
 */
public final class RunFiles {

    public static final String INDEX = "runs.db";
    public static final String RUNS = "runs";
    public static final String META = "run.json";
    public static final String METRICS = "metrics.jsonl";
    public static final String HISTOGRAMS = "histograms.jsonl";
    public static final String ARTIFACTS = "artifacts";

    /** Fixed width, so that timestamps sort as text (Instant.toString() drops zero fractions). */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private RunFiles() {
    }

    /** An ISO-8601 UTC timestamp with microseconds, e.g. {@code 2026-11-05T14:22:33.123456Z}. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** {@code <root>/runs/<id>}. */
    public static Path runDir(Path root, String id) {
        return root.resolve(RUNS).resolve(id);
    }

    static void writeMeta(Path runDir, Run run) {
        Path target = runDir.resolve(META);
        try {
            AtomicFiles.writeBytes(target, Json.PRETTY.writeValueAsBytes(run));
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Run '%s': could not write %s", run.id(), target), e);
        }
    }

    /** The meta as written, not reconciled with the owner's liveness. */
    static Run readMeta(Path runDir) {
        Path file = runDir.resolve(META);
        try {
            return Json.MAPPER.readValue(file.toFile(), Run.class);
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new IllegalArgumentException(String.format(
                    "%s is not a run directory: it has no %s. Pass <root>/runs/<run-id>.", runDir, META), e);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Could not read %s", file), e);
        }
    }
}
