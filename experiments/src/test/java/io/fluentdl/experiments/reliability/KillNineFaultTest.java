package io.fluentdl.experiments.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.ExperimentRegistry;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.runs.FaultChildRun;
import io.fluentdl.experiments.runs.TinyExperiment;
import io.fluentdl.experiments.search.SweepRunner;
import io.fluentdl.experiments.testing.Cli;
import io.fluentdl.track.Run;
import io.fluentdl.track.RunIndex;
import io.fluentdl.track.RunStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at seeded points, then resume: a run (tiny, 4 units x 3 epochs) and a search (circles, 30
 * trials) are each started in a child JVM and killed with SIGKILL after a seeded number of epochs or
 * trials plus a seeded delay (so that some kills land in the middle of an epoch or of a write), over
 * and over, at least {@value #KILLS} kills in all. Then:
 * every unit or trial that completed before a kill is still complete, with the same result, and none
 * ran twice; the run's results.json and metrics.csv equal an uninterrupted run's byte for byte; the
 * study file passes SQLite's {@code PRAGMA integrity_check} after every kill (while the study is an
 * SQLite file); no temporary file is left; the reports build.
 *
 * <p>The search side reads the study only through what the search prints and writes (trial numbers,
 * statuses, scores, results.json), so it holds for any study storage.
 */
class KillNineFaultTest {

    static final int KILLS = 10;
    static final long SEED = 18;

    static final String SWEEP = String.join("\n",
            "name: killed",
            "trials: 30",
            "seed: 3",
            "model: {data: circles, train_size: 120, validation_size: 60, test_size: 60, epochs: 3, optimizer: adam}",
            "parameters:",
            "  lr: {distribution: log_uniform, min: 1.0e-3, max: 1.0e-1}",
            "  units: {distribution: int_uniform, min: 4, max: 16}",
            "");

    @TempDir
    Path root;

    @Test
    void killedRunsAndSearchesResumeWithoutLosingOrRepeatingWork() throws Exception {
        Random random = new Random(SEED);
        int runKills = killRuns(random, KILLS / 2);
        int kills = runKills + killSearches(random, KILLS - runKills);
        assertTrue(kills >= KILLS, "kills: " + kills);
    }

    /**
     * Kills the run child after 1 to 5 epochs plus 0-200 ms (a unit is 3 epochs: some kills cost the unit in
     * progress, some land after a unit finished), until {@code target} kills or until a child gets to the end;
     * then resumes and compares.
     */
    private int killRuns(Random random, int target) throws Exception {
        Path out = root.resolve("run");
        Path dir = out.resolve(TinyExperiment.NAME);
        Set<String> finished = new HashSet<>();
        int kills = 0;
        for (int attempt = 0; kills < target && attempt < target * 3; attempt++) {
            int events = 1 + random.nextInt(5);
            long delay = random.nextInt(200);
            boolean killed = killAfter(child(FaultChildRun.class, out.toString()), "EPOCH", events, delay);
            kills += killed ? 1 : 0;
            List<Run> runs = Files.exists(dir.resolve(io.fluentdl.track.RunFiles.INDEX)) ? RunIndex.at(dir).all() : List.of();
            Set<String> now = runs.stream().filter(r -> r.status() == RunStatus.FINISHED).map(Run::id).collect(Collectors.toSet());
            assertTrue(now.containsAll(finished), "a finished unit was lost after kill " + kills);
            finished = now;
            if (!killed) {
                break; // the child ran to the end: nothing left to kill
            }
        }
        ExperimentRegistry tiny = new ExperimentRegistry().add(TinyExperiment::new);
        Cli.Outcome resumed = Cli.run(tiny, "run", TinyExperiment.NAME, "--quick", "--resume", "--quiet", "--out", out.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        Path fresh = root.resolve("uninterrupted");
        Cli.Outcome whole = Cli.run(tiny, "run", TinyExperiment.NAME, "--quick", "--quiet", "--out", fresh.toString());
        assertEquals(0, whole.exitCode(), whole.err());
        assertArrayEquals(Files.readAllBytes(RunFiles.results(fresh.resolve(TinyExperiment.NAME))),
                Files.readAllBytes(RunFiles.results(dir)), "results.json after kills and resume");
        assertArrayEquals(Files.readAllBytes(RunFiles.metrics(fresh.resolve(TinyExperiment.NAME))),
                Files.readAllBytes(RunFiles.metrics(dir)), "metrics.csv after kills and resume");
        Map<String, Long> finishedPerUnit = RunIndex.at(dir).all().stream().filter(r -> r.status() == RunStatus.FINISHED)
                .collect(Collectors.groupingBy(r -> r.name() + "/" + r.seed(), Collectors.counting()));
        assertEquals(4, finishedPerUnit.size(), finishedPerUnit.toString());
        assertTrue(finishedPerUnit.values().stream().allMatch(n -> n == 1), "a unit trained twice: " + finishedPerUnit);
        assertTrue(RunIndex.at(dir).all().stream().filter(r -> r.status() == RunStatus.FINISHED).map(Run::id)
                .collect(Collectors.toSet()).containsAll(finished), "finished units kept to the end");
        assertNoTempFiles(out);
        assertTrue(Files.isRegularFile(RunFiles.report(dir)));
        return kills;
    }

    /** Kills the search child after 1 or 2 trials plus 0-300 ms, until {@code target} kills or the end; then finishes it. */
    private int killSearches(Random random, int target) throws Exception {
        Path sweepFile = root.resolve("killed.yaml");
        Files.writeString(sweepFile, SWEEP);
        Path out = root.resolve("search");
        Path dir = Files.createDirectories(out.resolve("killed"));
        Map<Integer, String> completed = new HashMap<>();
        int kills = 0;
        for (int attempt = 0; kills < target && attempt < 30; attempt++) {
            int events = 1 + random.nextInt(2);
            long delay = random.nextInt(300);
            Process child = child(FaultChildSearch.class, dir.toString(), sweepFile.toString());
            List<String> lines = new ArrayList<>();
            boolean killed = killAfter(child, "TRIAL", events, delay, lines);
            kills += killed ? 1 : 0;
            for (String l : lines) {
                String[] p = l.split(" ");
                if (p[0].equals("TRIAL") && p[2].equals("COMPLETE")) {
                    String before = completed.put(Integer.parseInt(p[1]), p[3]);
                    assertEquals(null, before, "trial " + p[1] + " completed twice");
                }
            }
            assertIntegrity(dir.resolve(SweepRunner.STUDY_FILE));
            if (!killed) {
                break;
            }
        }
        Cli.Outcome finish = Cli.run(io.fluentdl.experiments.Experiments.registry(), "search", sweepFile.toString(),
                "--resume", "--quiet", "--out", out.toString());
        assertEquals(0, finish.exitCode(), finish.err());
        JsonNode results = Json.MAPPER.readTree(RunFiles.results(dir).toFile());
        Map<Integer, String> finalComplete = new HashMap<>();
        for (JsonNode t : results.get("trials")) {
            if (t.get("status").asText().equals("COMPLETE")) {
                finalComplete.put(t.get("number").asInt(), Double.toString(t.get("score").asDouble()));
            }
        }
        for (Map.Entry<Integer, String> e : completed.entrySet()) {
            assertEquals(e.getValue(), finalComplete.get(e.getKey()), "trial " + e.getKey() + " kept with its score");
        }
        // a trial killed mid-run stays as FAIL (reason stale) and its point runs again under a new number in
        // the same slot (issue 14's heartbeat protocol): every slot of the sweep finished once
        int finished = 0;
        for (JsonNode t : results.get("trials")) {
            if (!t.get("reason").asText().equals("stale")) {
                finished++;
            }
        }
        assertEquals(30, finished, "every trial of the sweep, once");
        assertIntegrity(dir.resolve(SweepRunner.STUDY_FILE));
        assertNoTempFiles(out);
        assertTrue(Files.isRegularFile(RunFiles.report(dir)));
        return kills;
    }

    private static Process child(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only and the serial collector: a child lives a few seconds, so start-up is what costs
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static boolean killAfter(Process child, String event, int count, long delayMillis) throws Exception {
        return killAfter(child, event, count, delayMillis, new ArrayList<>());
    }

    /**
     * Reads the child's lines until the {@code count}-th {@code event}, waits {@code delayMillis}, and kills it with
     * SIGKILL; returns false when the child ended first (nothing left to do). The lines read go to {@code seen}.
     */
    private static boolean killAfter(Process child, String event, int count, long delayMillis, List<String> seen)
            throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        int events = 0;
        boolean killed = false;
        for (String line; (line = in.readLine()) != null; ) {
            seen.add(line);
            if (line.startsWith(event + " ") && ++events == count) {
                Thread.sleep(delayMillis);
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
                killed = true;
                break;
            }
        }
        for (String line; !killed && (line = in.readLine()) != null; ) {
            seen.add(line);
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not end");
        // destroyForcibly closes our end of the pipe: what the child printed after the kill point is not read
        return killed && child.exitValue() != 0;
    }

    private static void assertIntegrity(Path study) throws Exception {
        if (!Files.isRegularFile(study)) {
            return; // not (or not yet) an SQLite file: nothing SQLite can check
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + study);
             ResultSet r = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertTrue(r.next());
            assertEquals("ok", r.getString(1));
        }
    }

    private static void assertNoTempFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> tmp = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), tmp, "temporary files left behind");
        }
    }
}
