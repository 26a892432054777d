package io.fluentdl.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/** Small hand-made IDX files for loader tests, and a snapshot of a folder to prove it is untouched. */
final class IdxFixtures {

    private IdxFixtures() {
    }

    /** An IDX images file: magic, count, rows, cols, then the pixel bytes as given. */
    static byte[] images(int magic, int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(magic).putInt(count).putInt(rows).putInt(cols)
                .put(pixels).array();
    }

    /** {@code count} 28x28 images; image i has every pixel set to {@code (i * 40) % 256}. */
    static byte[] images(int count) {
        byte[] pixels = new byte[count * Mnist.PIXELS];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(pixels, i * Mnist.PIXELS, (i + 1) * Mnist.PIXELS, (byte) ((i * 40) % 256));
        }
        pixels[0] = (byte) 255;
        return images(IdxFile.IMAGES_MAGIC, count, 28, 28, pixels);
    }

    static byte[] labels(int magic, byte... labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(labels.length).put(labels).array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    /** Writes a valid set: 3 training images (labels 5, 0, 9) and 2 test images (labels 7, 2), gzipped. */
    static void writeTinySet(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("train-images-idx3-ubyte.gz"), gzip(images(3)));
        Files.write(folder.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(IdxFile.LABELS_MAGIC, (byte) 5, (byte) 0, (byte) 9)));
        Files.write(folder.resolve("t10k-images-idx3-ubyte.gz"), gzip(images(2)));
        Files.write(folder.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels(IdxFile.LABELS_MAGIC, (byte) 7, (byte) 2)));
    }

    /** Every file under the folder with its size and modification time. */
    static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (var walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String detail = Files.isDirectory(p) ? "dir"
                        : String.format("%d bytes, %s", Files.size(p), Files.getLastModifiedTime(p));
                state.put(folder.relativize(p).toString(), detail);
            }
        }
        return state;
    }
}
