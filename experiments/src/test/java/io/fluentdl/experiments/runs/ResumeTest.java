package io.fluentdl.experiments.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.experiments.ExperimentRegistry;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.testing.Cli;
import io.fluentdl.track.Run;
import io.fluentdl.track.RunIndex;
import io.fluentdl.track.RunQuery;
import io.fluentdl.track.RunReader;
import io.fluentdl.track.RunStatus;
import io.fluentdl.track.Scope;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code fluentdl run} child process killed with SIGKILL in the middle of its third unit
 * leaves two FINISHED runs and one readable INTERRUPTED run; {@code run --resume} then trains only
 * the unfinished units and writes the same results.json, byte for byte, as an uninterrupted run.
 */
class ResumeTest {

    @TempDir
    Path killed;
    @TempDir
    Path uninterrupted;

    @Test
    void killedRunResumesToTheSameResults() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledMidway.class.getName(), killed.toString())
                .redirectErrorStream(true).start();
        awaitMidway(child);
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to write anything
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));

        Path dir = killed.resolve(TinyExperiment.NAME);
        assertFalse(Files.exists(RunFiles.results(dir)), "a killed run writes no results.json");
        Map<RunStatus, List<Run>> byStatus = RunIndex.at(dir).query(RunQuery.experiment(TinyExperiment.NAME)).stream()
                .collect(Collectors.groupingBy(Run::status));
        assertEquals(2, byStatus.getOrDefault(RunStatus.FINISHED, List.of()).size(), byStatus.toString());
        assertEquals(1, byStatus.getOrDefault(RunStatus.INTERRUPTED, List.of()).size(), byStatus.toString());
        Run partial = byStatus.get(RunStatus.INTERRUPTED).get(0);
        RunReader reader = RunReader.open(RunIndex.at(dir).runDir(partial.id()));
        assertEquals(RunStatus.INTERRUPTED, reader.run().status());
        assertEquals("units-8", partial.name());
        assertEquals(1, reader.series(Scope.EPOCH, "val_accuracy").size(), "the epoch logged before the kill survives");
        assertFalse(reader.histograms().isEmpty());

        Cli.Outcome resumed = Cli.run(registry(), "run", TinyExperiment.NAME, "--quick", "--resume", "--quiet", "--out",
                killed.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        Cli.Outcome fresh = Cli.run(registry(), "run", TinyExperiment.NAME, "--quick", "--quiet", "--out", uninterrupted.toString());
        assertEquals(0, fresh.exitCode(), fresh.err());

        assertArrayEquals(Files.readAllBytes(RunFiles.results(uninterrupted.resolve(TinyExperiment.NAME))),
                Files.readAllBytes(RunFiles.results(dir)), "resumed and uninterrupted results.json differ");
        assertArrayEquals(Files.readAllBytes(RunFiles.metrics(uninterrupted.resolve(TinyExperiment.NAME))),
                Files.readAllBytes(RunFiles.metrics(dir)));
        // the two finished units were read back, not trained again: 2 old + 1 interrupted + 2 new runs
        Map<RunStatus, Long> counts = RunIndex.at(dir).all().stream()
                .collect(Collectors.groupingBy(Run::status, Collectors.counting()));
        assertEquals(Map.of(RunStatus.FINISHED, 4L, RunStatus.INTERRUPTED, 1L), counts);
        String report = Files.readString(RunFiles.report(dir));
        assertTrue(report.contains("id=\"unfinished-runs\""), "the report lists the interrupted run");
    }

    @Test
    void resumeWithNothingToResumeTrainsEverything() {
        Cli.Outcome o = Cli.run(registry(), "run", TinyExperiment.NAME, "--quick", "--resume", "--quiet", "--epochs", "1", "--out",
                uninterrupted.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertEquals(4, RunIndex.at(uninterrupted.resolve(TinyExperiment.NAME))
                .query(RunQuery.any().status(RunStatus.FINISHED)).size());
    }

    private static ExperimentRegistry registry() {
        return new ExperimentRegistry().add(TinyExperiment::new);
    }

    private static void awaitMidway(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("MIDWAY")) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError(String.format("the child ended before MIDWAY; it printed:%n%s", seen));
    }

}
