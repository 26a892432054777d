package io.fluentdl.experiments.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search whose {@code --out} is on a 4 MiB tmpfs with about 97 KiB left fails with one line that names the
 * study file and says the disk is full (exit 1, no stack trace); after space is freed, {@code --resume}
 * finishes the study and writes the report. The tmpfs is mounted in a private user and mount namespace
 * ({@code unshare -rm}), so no root is needed where the kernel allows unprivileged namespaces; where it
 * does not (or there is no {@code unshare}), the test is skipped and says so.
 */
class FullDiskTest {

    static final String SWEEP = String.join("\n",
            "name: disk",
            "trials: 6",
            "seed: 3",
            "model: {data: circles, train_size: 120, validation_size: 60, test_size: 60, epochs: 3, optimizer: adam}",
            "parameters:",
            "  lr: {distribution: log_uniform, min: 1.0e-3, max: 1.0e-1}",
            "");

    @TempDir
    Path dir;

    @Test
    void aFullDiskFailsWithOneLineAndResumeFinishesAfterSpaceIsFreed() throws Exception {
        Path sweep = dir.resolve("disk.yaml");
        Files.writeString(sweep, SWEEP);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String run = String.format("timeout 300 '%s' -Xmx512m -XX:TieredStopAtLevel=1 -cp '%s' %s search '%s' --quiet",
                java, System.getProperty("java.class.path"), "io.fluentdl.experiments.cli.FluentDl", sweep);
        Path script = dir.resolve("full-disk.sh");
        Files.writeString(script, String.join("\n",
                "D=$(mktemp -d)",
                // 4 MiB: once space is freed, the report (about 1.1 MB, ECharts inline) must fit
                "mount -t tmpfs -o size=4m tmpfs \"$D\" || exit 77",
                "mkdir \"$D/out\"",
                "head -c 4095000 /dev/zero > \"$D/filler\" 2>/dev/null",  // leaves ~97 KiB: the study and results need more
                run + " --out \"$D/out\" > '" + dir.resolve("first.out") + "' 2> '" + dir.resolve("first.err") + "'",
                "echo \"FIRST=$?\"",
                "rm \"$D/filler\"",
                run + " --resume --out \"$D/out\" > '" + dir.resolve("second.out") + "' 2> '" + dir.resolve("second.err") + "'",
                "echo \"SECOND=$?\"",
                "test -f \"$D/out/disk/report.html\" && echo REPORT",
                "umount \"$D\"", ""));
        Process p;
        try {
            p = new ProcessBuilder("unshare", "-rm", "bash", script.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("no unshare on this platform: " + e.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        Assumptions.assumeTrue(p.exitValue() != 77 && !out.contains("unshare:"),
                "this platform allows no private tmpfs (unshare -rm / mount): " + out);
        List<String> err = Files.readAllLines(dir.resolve("first.err"));
        assertTrue(out.contains("FIRST=1"), out + err);
        assertEquals(1, err.size(), "one line: " + err);
        assertTrue(err.get(0).contains("disk/study.db") || err.get(0).contains("disk/"), err.get(0));
        assertTrue(err.get(0).contains("full") || err.get(0).contains("No space left"), err.get(0));
        assertFalse(err.get(0).contains("Exception"), err.get(0));
        assertTrue(out.contains("SECOND=0"), out + Files.readString(dir.resolve("second.err")));
        assertTrue(out.contains("REPORT"), out);
    }
}
