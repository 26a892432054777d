package io.fluentdl.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fluentdl.internal.files.AtomicFiles;
import io.fluentdl.internal.json.JsonConvention;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * FluentDL's one JSON convention, for every file it writes and reads back: the tracker's {@code run.json},
 * {@code metrics.jsonl}, {@code histograms.jsonl}, the experiments' {@code results.json} (searches' too:
 * a trial with no score has {@code "score": "NaN"}) and {@code provenance.json}, and the JSON columns of a
 * study's database.
 *
 * <ul>
 *   <li><b>Non-finite numbers are strings.</b> JSON has no NaN or Infinity, and a diverged loss must
 *       survive the round trip (a browser's {@code JSON.parse} rejects Jackson's bare {@code NaN}), so
 *       they are written as {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} and read back as
 *       the same doubles. A {@code null} read into a primitive {@code double} is NaN, never 0.0 (Jackson's
 *       default), so a file that wrote null for "no value" does not read as a perfect score of 0.</li>
 *   <li><b>Unknown keys are ignored on read</b>, for forward compatibility: a file written by a newer
 *       FluentDL (one more key in {@code results.json}) stays readable by an older report. Schema drift
 *       is caught by round-trip tests, not at a user's read.</li>
 *   <li>Files are pretty printed and replaced atomically ({@link AtomicFiles}); JSON lines are compact.</li>
 * </ul>
 */
public final class Json {

    /** The configured mapper: the two rules above, shared with the study's JSON ({@link JsonConvention}). */
    public static final ObjectMapper MAPPER = JsonConvention.MAPPER;

    /** {@link #MAPPER}, pretty printed: what the JSON files are written with. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }

    /** Writes {@code value} as pretty JSON to {@code target}, atomically. */
    public static void write(Path target, Object value) throws IOException {
        AtomicFiles.write(target, out -> PRETTY.writeValue(new NonClosing(out), value));
    }

    /** Reads {@code file} as a {@code type}, by the rules above. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(Files.readAllBytes(file), type);
    }

    /** A number node; non-finite values as their string, by the rule above. */
    public static JsonNode number(double value) {
        return Double.isFinite(value) ? JsonNodeFactory.instance.numberNode(value)
                : JsonNodeFactory.instance.textNode(Double.toString(value));
    }

    /** A number read back from {@link #number}: a number, a "NaN"/"Infinity"/"-Infinity" string, or null (NaN). */
    public static double toDouble(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        return node.isTextual() ? Double.parseDouble(node.asText()) : node.asDouble();
    }

    /** Jackson closes the stream it writes to; the atomic writer must flush and sync it first. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
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
