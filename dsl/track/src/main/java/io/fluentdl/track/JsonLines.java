package io.fluentdl.track;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An append-only JSON-lines file: one record per line, never rewritten, so whatever reached the disk
 * before a crash stays readable. Writes are buffered and reach the OS on {@link #flush()} (the tracker
 * flushes once per epoch); a full buffer may also be written mid-line, so a killed process can leave a
 * torn last line, which {@link #read} skips.
 */
final class JsonLines implements Closeable {

    private final Path file;
    private final BufferedWriter out;

    private JsonLines(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Opens {@code file} for appending, creating it if needed. */
    static JsonLines append(Path file) {
        try {
            return new JsonLines(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Tracker: could not open %s for appending", file), e);
        }
    }

    void write(JsonNode record) {
        try {
            out.write(Json.MAPPER.writeValueAsString(record));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Tracker: could not append to %s", file), e);
        }
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Tracker: could not flush %s", file), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Tracker: could not close %s", file), e);
        }
    }

    /** What {@link #read} found: the records, and whether a torn last line was skipped. */
    record Read<T>(List<T> records, boolean tornLastLine) {
    }

    /**
     * Reads every record of {@code file} (none if it does not exist). A last line that does not parse is
     * taken as torn by a crash and skipped; a bad line anywhere else means the file was damaged, and is
     * an error naming the line.
     */
    static <T> Read<T> read(Path file, Function<JsonNode, T> parse) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Read<>(List.of(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Could not read %s", file), e);
        }
        String[] lines = text.split("\n", -1);
        List<T> records = new ArrayList<>(lines.length);
        boolean torn = false;
        int lastWritten = lines.length - 1; // a torn line may end in '\n' (the crash came after it): the last non-empty one
        while (lastWritten > 0 && lines[lastWritten].isBlank()) {
            lastWritten--;
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean last = i == lastWritten;
            try {
                records.add(parse.apply(Json.MAPPER.readTree(line)));
            } catch (JsonProcessingException | RuntimeException e) {
                if (!last) {
                    throw new IllegalStateException(String.format(
                            "%s, line %d: not a tracking record (%s). The file was damaged; only a torn last line is expected after a crash.",
                            file, i + 1, e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
                }
                torn = true;
            }
        }
        return new Read<>(records, torn);
    }
}
