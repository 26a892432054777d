package io.fluentdl.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptedRunTest {

    @TempDir
    Path root;

    @Test
    void runningRunWithADeadPidReadsAsInterrupted() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dir;
        try (Tracker t = Tracker.in(root).experiment("e").name("dead").provenance(Map.of()).start()) {
            dir = t.dir();
            // what a process that died at once leaves: RUNNING, owned by a pid that no longer exists
            Run run = t.run();
            RunFiles.writeMeta(dir, new Run(run.id(), run.name(), run.experiment(), run.tags(), run.seed(),
                    RunStatus.RUNNING, run.startedAt(), null, new ProcessOwner(gone.pid(), 0, run.owner().host()),
                    run.config(), run.provenance(), run.tracking(), run.summary(), run.artifacts(), null));
            RunIndex.at(root).rebuild();
            assertEquals(RunStatus.INTERRUPTED, RunReader.open(dir).run().status());
            assertEquals(RunStatus.RUNNING, RunFiles.readMeta(dir).status());
            assertEquals(1, RunIndex.at(root).query(RunQuery.any().status(RunStatus.INTERRUPTED)).size());
            t.finish();
        }
    }

    @Test
    void runOfALiveProcessStaysRunning() {
        try (Tracker t = Tracker.in(root).name("alive").provenance(Map.of()).start()) {
            assertEquals(RunStatus.RUNNING, RunReader.open(t.dir()).run().status());
            t.finish();
        }
    }

    @Test
    void killMinus9LeavesAReadableInterruptedRun() throws Exception {
        Process child = startChild();
        Path dir = awaitReady(child);
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        RunReader r = RunReader.open(dir);
        assertEquals(RunStatus.INTERRUPTED, r.run().status());
        assertTrue(r.run().error().contains("killed or crashed"), r.run().error());
        assertArrayEquals(new double[] {0.5, 0.4}, r.series(Scope.EPOCH, "train_loss").y());
        assertEquals(List.of(RunStatus.INTERRUPTED),
                RunIndex.at(root).query(RunQuery.experiment("crash")).stream().map(Run::status).toList());
    }

    @Test
    void sigtermMarksTheRunInterruptedThroughTheShutdownHook() throws Exception {
        Process child = startChild();
        Path dir = awaitReady(child);
        child.destroy(); // SIGTERM: the JVM runs its shutdown hooks
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        Run written = RunFiles.readMeta(dir); // as the child wrote it, no liveness reasoning
        assertEquals(RunStatus.INTERRUPTED, written.status());
        assertTrue(written.error().contains("JVM shut down"), written.error());
        assertEquals(0.4, written.summary().get("train_loss"));
        assertEquals(RunStatus.INTERRUPTED, RunIndex.at(root).all().get(0).status());
    }

    private Process startChild() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashingRun.class.getName(),
                root.toString()).redirectErrorStream(true).start();
    }

    private static Path awaitReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("READY ")) {
                return Path.of(line.substring("READY ".length()));
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError(String.format("the child process ended without READY; it printed:%n%s", seen));
    }
}
