package io.fluentdl.experiments.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.fluentdl.experiments.Experiments;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same command with the same seed gives the same metrics.csv, byte for byte (CPU, one process
 * after another); another seed gives other numbers, not just another seed column.
 */
class ReproducibilityTest {

    @TempDir
    Path root;

    @Test
    void sameSeedSameMetricsCsvByteForByteAndAnotherSeedDiffers() throws Exception {
        byte[] first = metrics("first", "1");
        byte[] second = metrics("second", "1");
        byte[] other = metrics("other", "2");
        assertArrayEquals(first, second, "same seed, same metrics.csv");
        assertNotEquals(numbers(first), numbers(other), "another seed trains to other numbers");
    }

    private byte[] metrics(String name, String seed) throws Exception {
        Path out = root.resolve(name);
        Cli.Outcome o = Cli.run(Experiments.registry(), "run", "bn-case-study", "--quick", "--epochs", "2", "--seeds", "1",
                "--seed", seed, "--quiet", "--out", out.toString());
        assertEquals(0, o.exitCode(), o.err());
        return Files.readAllBytes(RunFiles.metrics(out.resolve("bn-case-study")));
    }

    /** The loss and accuracy columns only (variant, seed and epoch dropped). */
    private static List<String> numbers(byte[] csv) {
        return new String(csv, java.nio.charset.StandardCharsets.UTF_8).lines().skip(1)
                .map(l -> l.substring(l.indexOf(',', l.indexOf(',', l.indexOf(',') + 1) + 1) + 1)).toList();
    }
}
