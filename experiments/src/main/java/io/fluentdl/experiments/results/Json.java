package io.fluentdl.experiments.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes the run's JSON files (pretty printed, atomically). */
public final class Json {

    /** One configured mapper: pretty output, fails on unknown keys so schema drift is noticed. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /** Writes {@code value} as pretty JSON to {@code target}, atomically. */
    public static void write(Path target, Object value) throws IOException {
        AtomicFiles.write(target, out -> MAPPER.writeValue(new NonClosing(out), value));
    }

    /** Reads {@code results.json}. */
    public static Results readResults(Path file) throws IOException {
        return MAPPER.readValue(Files.readAllBytes(file), Results.class);
    }

    /** Reads {@code provenance.json}. */
    public static Provenance readProvenance(Path file) throws IOException {
        return MAPPER.readValue(Files.readAllBytes(file), Provenance.class);
    }

    /** Jackson closes the stream it writes to; the atomic writer must flush and sync it first. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
