package io.fluentdl.data;

import io.fluentdl.errors.InvalidConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SHA-256 sums of LeCun's four MNIST files, compressed and unpacked, and the checks made with
 * them: a copy that must be MNIST (the shipped one, DL4J's cache) is verified when read, and any
 * other folder is recognised as MNIST or not (so that MNIST reference numbers appear only beside
 * MNIST results). The sums are those of the {@code fluentdl-datasets} README.
 */
final class MnistChecksums {

    /** Base name to {gzip sum, unpacked sum}, in the order of {@link MnistFiles#NAMES}. */
    private static final Map<String, List<String>> SUMS = Map.of(
            "train-images-idx3-ubyte", List.of("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            "train-labels-idx1-ubyte", List.of("3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            "t10k-images-idx3-ubyte", List.of("8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            "t10k-labels-idx1-ubyte", List.of("f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));

    private MnistChecksums() {
    }

    /** File name to its SHA-256 (hex), for the four files, in the order of {@link MnistFiles#files()}. */
    static Map<String, String> of(MnistFiles files) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (Path file : files.files()) {
            sums.put(file.getFileName().toString(), sha256(file));
        }
        return sums;
    }

    /** Whether every file has MNIST's sum for its name (compressed or unpacked). */
    static boolean isMnist(Map<String, String> sums) {
        return sums.entrySet().stream().allMatch(e -> e.getValue().equals(expected(e.getKey())));
    }

    /** Throws, naming the first file whose sum is not MNIST's and the expected sum. */
    static void verify(MnistFiles files, Map<String, String> sums) {
        for (Path file : files.files()) {
            String name = file.getFileName().toString();
            String expected = expected(name);
            String actual = sums.get(name);
            if (!expected.equals(actual)) {
                throw InvalidConfigException.of(String.format("MNIST file '%s' (%s)", file, files.source()), "sha256", actual,
                        String.format("the file is corrupt or truncated: its SHA-256 must be %s, got sha256=%s", expected, actual),
                        "Restore the original file (see the fluentdl-datasets README), or pass --data a folder of intact files");
            }
        }
    }

    /** MNIST's sum for a file name ({@code .gz} or unpacked), or "" for another name. */
    static String expected(String fileName) {
        boolean gz = fileName.endsWith(".gz");
        List<String> sums = SUMS.get(gz ? fileName.substring(0, fileName.length() - 3) : fileName);
        return sums == null ? "" : sums.get(gz ? 0 : 1);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw IdxFile.unreadable(file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
