package io.fluentdl.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("results.json");
        AtomicFiles.writeString(target, "{\"a\": 1}");
        AtomicFiles.writeString(target, "{\"a\": 2}");
        assertEquals("{\"a\": 2}", Files.readString(target));
        assertEquals(List.of("results.json"), names());
    }

    @Test
    void aCrashMidWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("metrics.csv");
        AtomicFiles.writeString(target, "old,complete\n");
        IOException crash = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("new,half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", crash.getMessage());
        assertEquals("old,complete\n", Files.readString(target));
        assertEquals(List.of("metrics.csv"), names());
    }

    @Test
    void aRuntimeFailureMidWriteAlsoLeavesTheOldFile() throws IOException {
        Path target = dir.resolve("provenance.json");
        AtomicFiles.writeString(target, "old");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("provenance.json"), names());
    }

    @Test
    void createsMissingFolders() throws IOException {
        Path target = dir.resolve("a/b/plot.svg");
        AtomicFiles.writeString(target, "<svg/>");
        assertEquals("<svg/>", Files.readString(target));
    }
}
