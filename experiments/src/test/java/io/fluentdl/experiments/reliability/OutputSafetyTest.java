package io.fluentdl.experiments.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.experiments.Experiments;
import io.fluentdl.experiments.testing.Cli;
import io.fluentdl.track.SafeName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run or a search writes stays inside {@code --out}, in one folder per name, and a failure
 * leaves nothing half-made: a sweep name cannot escape; a run that fails on its data leaves no empty
 * experiment folder; the temporary files of a killed writer are cleaned by the next run.
 */
class OutputSafetyTest {

    @TempDir
    Path root;

    static final String SWEEP = String.join("\n",
            "name: \"%s\"",
            "trials: 2",
            "seed: 5",
            "model: {data: circles, train_size: 60, validation_size: 30, test_size: 30, epochs: 1, optimizer: adam}",
            "parameters:",
            "  lr: {distribution: log_uniform, min: 1.0e-3, max: 1.0e-1}",
            "");

    @Test
    void unsafeSweepNamesMapToOneFolderInsideOut() {
        assertEquals("mnist-search", SafeName.segment("mnist-search"));
        assertTrue(SafeName.segment("../../escaped-study").matches("escaped-study-[0-9a-f]{4}"),
                SafeName.segment("../../escaped-study"));
        assertEquals(SafeName.segment("../../evil<script>"), SafeName.segment("../../evil<script>"), "deterministic");
        for (String name : List.of("../../escaped-study", "/some/dir", "a/b", "..", ".", "", "evil<script>",
                "C:\\\\win", "x".repeat(300))) {
            String s = SafeName.segment(name);
            assertTrue(s.matches("[a-z0-9][a-z0-9._-]{0,63}"), name + " -> " + s);
            assertFalse(s.equals("..") || s.equals("."), name);
        }
        assertFalse(SafeName.segment("a/b").equals(SafeName.segment("a-b")), "the hash keeps unsafe names apart");
    }

    @Test
    void aSweepNamedDotDotWritesInsideOut() throws Exception {
        Path base = Files.createDirectories(root.resolve("deep/er"));
        Path out = base.resolve("out");
        Path file = base.resolve("s.yaml");
        Files.writeString(file, String.format(SWEEP, "../../escaped-study"));
        Cli.Outcome o = Cli.run(Experiments.registry(), "search", file.toString(), "--quiet", "--out", out.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("is not a safe folder name"), o.out());
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> outside = all.filter(Files::isRegularFile).filter(p -> !p.startsWith(out) && !p.equals(file)).toList();
            assertEquals(List.of(), outside, "files written outside --out");
        }
        Path dir = out.resolve(SafeName.segment("../../escaped-study"));
        assertTrue(Files.isRegularFile(dir.resolve("study.db")));
        assertTrue(Files.isRegularFile(dir.resolve("report.html")));
        // the headline after --resume of a complete study is the study's best, never NaN
        Cli.Outcome again = Cli.run(Experiments.registry(), "search", file.toString(), "--resume", "--out", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertFalse(again.out().contains("NaN"), again.out());
    }

    @Test
    void aRunThatFailsOnItsDataLeavesNoEmptyExperimentFolder() throws Exception {
        Path bad = Files.createDirectories(root.resolve("bad-mnist"));
        for (String f : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            Files.write(bad.resolve(f), new byte[] {0, 0, 8, 3});
        }
        Path out = root.resolve("out");
        Cli.Outcome o = Cli.run(Experiments.registry(), "run", "keras-mnist-mlp", "--quick", "--quiet", "--data",
                bad.toString(), "--out", out.toString());
        assertEquals(1, o.exitCode(), o.err());
        assertFalse(Files.exists(out.resolve("keras-mnist-mlp")), "no empty experiment folder after a data error");
    }

    @Test
    void leftoverTempFilesOfDeadWritersAreCleanedByTheNextRun() throws Exception {
        Path dir = Files.createDirectories(root.resolve("out/bn-case-study/runs/r1"));
        long dead = deadPid();
        Path results = root.resolve(String.format("out/bn-case-study/.results.json.%d-%016x.tmp", dead, 42L));
        Path meta = dir.resolve(String.format(".run.json.%d-%016x.tmp", dead, 43L));
        Path live = dir.resolve(String.format(".run.json.%d-%016x.tmp", ProcessHandle.current().pid(), 44L));
        for (Path p : List.of(results, meta, live)) {
            Files.writeString(p, "{\"half\": ");
        }
        assertEquals(2, io.fluentdl.internal.files.TempFiles.cleanLeftovers(root.resolve("out/bn-case-study"), 3));
        assertFalse(Files.exists(results));
        assertFalse(Files.exists(meta));
        assertTrue(Files.exists(live), "a live writer's file is left alone");
    }

    /** A pid with no process: one just ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
