package io.fluentdl.data;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads and checks one MNIST file in LeCun's IDX format, gzip-compressed or not.
 *
 * <p>Every integer is a big-endian 32-bit value. Images: magic 2051, count, rows, columns, then
 * count x rows x columns unsigned bytes. Labels: magic 2049, count, then count bytes 0..9. Any
 * deviation is reported as an {@link InvalidConfigException} that names the file, what is wrong
 * and how to fix it, because a half-read data set would train silently on garbage.
 */
final class IdxFile {

    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;

    private static final int BUFFER = 1 << 16;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private IdxFile() {
    }

    /** The pixel bytes of an images file: count x side x side values, row-major, image after image. */
    static byte[] readImages(Path file, int side) {
        try (InputStream in = open(file)) {
            int[] header = readHeader(file, in, 4);
            expect(file, header[0] == IMAGES_MAGIC, String.format(
                    "not an IDX images file: the magic number must be %d, got magic=%d", IMAGES_MAGIC, header[0]));
            expect(file, header[2] == side && header[3] == side, String.format(
                    "MNIST images must be %dx%d, got rows=%d, columns=%d", side, side, header[2], header[3]));
            return readPayload(file, in, header[1], (long) side * side);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The label bytes of a labels file, each checked to be a digit 0..9. */
    static byte[] readLabels(Path file) {
        try (InputStream in = open(file)) {
            int[] header = readHeader(file, in, 2);
            expect(file, header[0] == LABELS_MAGIC, String.format(
                    "not an IDX labels file: the magic number must be %d, got magic=%d", LABELS_MAGIC, header[0]));
            byte[] labels = readPayload(file, in, header[1], 1);
            for (int i = 0; i < labels.length; i++) {
                int label = labels[i] & 0xff;
                if (label > 9) {
                    expect(file, false, String.format("labels must be digits 0..9, got label=%d at index=%d", label, i));
                }
            }
            return labels;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The problem for a file that is absent, so that every message about a file reads the same. */
    static InvalidConfigException missing(Path file, String fix) {
        return InvalidConfigException.of(where(file), "data", file, "the file does not exist", fix);
    }

    /** Opens the file, unzipping it when its first two bytes are the gzip signature (the name may lie). */
    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        raw.mark(2);
        int first = raw.read();
        int second = raw.read();
        raw.reset();
        if (first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2) {
            return new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER);
        }
        return raw;
    }

    private static int[] readHeader(Path file, InputStream in, int ints) throws IOException {
        byte[] bytes = in.readNBytes(4 * ints);
        expect(file, bytes.length == 4 * ints, String.format(
                "the header is cut short: it needs %d bytes, got bytes=%d", 4 * ints, bytes.length));
        int[] header = new int[ints];
        for (int i = 0; i < ints; i++) {
            header[i] = ((bytes[4 * i] & 0xff) << 24) | ((bytes[4 * i + 1] & 0xff) << 16)
                    | ((bytes[4 * i + 2] & 0xff) << 8) | (bytes[4 * i + 3] & 0xff);
        }
        return header;
    }

    /** Reads exactly count x itemSize bytes and checks that nothing follows them. */
    private static byte[] readPayload(Path file, InputStream in, int count, long itemSize) throws IOException {
        long expected = count * itemSize;
        expect(file, count >= 0 && expected <= Integer.MAX_VALUE - 8, String.format(
                "the header's item count is impossible, got count=%d", count));
        // readNBytes(len) grows its buffer as data arrives, so a corrupt header claiming billions of
        // items costs an error message, not an OutOfMemoryError.
        byte[] payload = in.readNBytes((int) expected);
        int read = payload.length;
        expect(file, read == expected, String.format(
                "the file is truncated: the header promises %d items (%d bytes), got bytes=%d",
                count, expected, read));
        expect(file, in.read() == -1, String.format(
                "the file has data after the %d items its header promises", count));
        return payload;
    }

    private static void expect(Path file, boolean ok, String rule) {
        if (!ok) {
            throw InvalidConfigException.of(where(file), "data", file, rule, fixFor(file));
        }
    }

    static InvalidConfigException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return missing(file, fixFor(file));
        }
        // ZipException / EOFException: a damaged or cut-off gzip stream; anything else is an I/O error.
        String rule = String.format("the file cannot be read (%s: %s)", e.getClass().getSimpleName(), e.getMessage());
        return new InvalidConfigException(List.of(new Problem(where(file), "data", file, rule, fixFor(file))), e);
    }

    private static String where(Path file) {
        return String.format("MNIST file '%s'", file);
    }

    private static String fixFor(Path file) {
        return String.format("Replace %s with an intact copy of the original, or set %s or pass --data to a folder of intact files",
                file.getFileName(), Mnist.ENV_DIR);
    }
}
