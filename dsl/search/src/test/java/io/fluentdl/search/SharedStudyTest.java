package io.fluentdl.search;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workers in separate JVMs sharing one study on a real PostgreSQL server, given by
 * {@code FLUENTDL_TEST_POSTGRES_URL} ({@code .ci/run} starts one); skipped when it is unset.
 */
class SharedStudyTest {

    static final String URL_VARIABLE = "FLUENTDL_TEST_POSTGRES_URL";

    @TempDir
    Path dir;
    String url;
    String study;

    @BeforeEach
    void server() {
        url = System.getenv(URL_VARIABLE);
        Assumptions.assumeTrue(url != null && !url.isBlank(), String.format("%s is not set: no PostgreSQL server to "
                + "test shared studies against (.ci/run starts one)", URL_VARIABLE));
        study = "test-" + UUID.randomUUID();
    }

    private Process worker(String name, int trials, long heartbeatMillis, long epochMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SharedWorkerMain.class.getName(), url, study, Integer.toString(trials), Long.toString(heartbeatMillis),
                Long.toString(epochMillis)).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
    }

    private List<Integer> ran(String name) throws IOException {
        return Files.readAllLines(dir.resolve(name + ".log")).stream().filter(l -> l.startsWith("RAN "))
                .map(l -> Integer.parseInt(l.substring(4).trim())).collect(Collectors.toList());
    }

    private Map<Integer, Study.Row> rows() {
        try (Study s = Study.open(url, study)) {
            return s.rows();
        }
    }

    @Test
    void threeWorkerJvmsRunEachTrialOfA30TrialStudyExactlyOnce() throws Exception {
        List<Process> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(worker("w" + w, 30, 1000, 30));
        }
        for (Process p : workers) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a worker did not finish in 2 minutes");
            assertEquals(0, p.exitValue(), "a worker failed; see its log in " + dir);
        }
        List<Integer> ran = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            ran.addAll(ran("w" + w));
        }
        assertEquals(30, ran.size(), () -> "objective calls: " + ran);
        assertEquals(30, new HashSet<>(ran).size(), () -> "a trial ran twice: " + ran);
        Map<Integer, Study.Row> rows = rows();
        assertEquals(30, rows.size());
        Set<Integer> slots = new HashSet<>();
        rows.values().forEach(r -> {
            assertEquals(TrialStatus.COMPLETE, r.status(), r::toString);
            slots.add(r.slot());
        });
        assertEquals(30, slots.size());
        Set<String> names = rows.values().stream().map(Study.Row::worker).collect(Collectors.toSet());
        assertTrue(names.size() >= 2, () -> "workers used: " + names);
        // the same 30 points a lone worker draws: the budget and the sampler are the study's
        try (Study alone = Study.open(dir.resolve("alone.db"), study)) {
            Map<Integer, String> expected = StudyTest.summary(SharedWorkerMain.search(alone, 30, Duration.ofSeconds(1), 0));
            try (Study shared = Study.open(url, study)) {
                assertEquals(expected, StudyTest.summary(SharedWorkerMain.search(shared, 30, Duration.ofSeconds(1), 0)));
            }
        }
    }

    @Test
    void aWorkerKilledMidTrialHasItsTrialFailedAsStaleAndRetriedByAnother() throws Exception {
        Process victim = worker("victim", 12, 500, 300);
        Process survivor = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            if (ran("victim").size() >= 2) {
                break;
            }
        }
        survivor = worker("survivor", 12, 500, 30);
        Thread.sleep(300);
        assertTrue(victim.isAlive(), "the victim finished before it could be killed");
        List<Integer> victimRan = ran("victim");
        victim.destroyForcibly();                    // SIGKILL: no shutdown hooks, no last heartbeat
        assertEquals(137, victim.waitFor());
        assertTrue(survivor.waitFor(120, TimeUnit.SECONDS), "the survivor did not finish");
        assertEquals(0, survivor.exitValue(), "the survivor failed; see survivor.log in " + dir);
        Map<Integer, Study.Row> rows = rows();
        int killed = victimRan.get(victimRan.size() - 1);
        Study.Row dead = rows.get(killed);
        assertEquals(TrialStatus.FAIL, dead.status(), dead::toString);
        assertEquals("stale", dead.reason());
        List<Study.Row> retries = rows.values().stream().filter(r -> r.slot() == dead.slot() && r.number() != killed)
                .toList();
        assertEquals(1, retries.size(), rows::toString);
        assertEquals(TrialStatus.COMPLETE, retries.get(0).status());
        assertTrue(ran("survivor").contains(retries.get(0).number()));
        assertTrue(java.util.Arrays.equals(dead.units(), retries.get(0).units()), "the retry has the dead trial's point");
        Set<Integer> done = new HashSet<>();
        rows.values().stream().filter(r -> r.status() == TrialStatus.COMPLETE).forEach(r -> assertTrue(done.add(r.slot())));
        assertEquals(12, done.size(), "every slot of the budget completed once");
    }

    @Test
    void workersCreatingTheSchemaAtOnceAllSucceed() throws Exception {
        for (int round = 0; round < 3; round++) {
            String schema = "s" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = DriverManager.getConnection(jdbc(), user(), password()); Statement s = c.createStatement()) {
                s.executeUpdate("CREATE SCHEMA " + schema);
            }
            String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            int n = 4;
            CyclicBarrier start = new CyclicBarrier(n);
            List<Throwable> errors = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                        try (Study s = Study.open(inSchema, study)) {
                            SharedWorkerMain.search(s, 4, Duration.ofSeconds(1), 0);
                        }
                    } catch (Throwable e) {
                        synchronized (errors) {
                            errors.add(e);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(List.of(), errors);
            try (Connection c = DriverManager.getConnection(jdbc(), user(), password()); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery(String.format("SELECT COUNT(*), MAX(version) FROM %s.fluentdl_schema", schema))) {
                    r.next();
                    assertEquals(1, r.getInt(1));
                    assertEquals(io.fluentdl.search.storage.StudySchema.VERSION, r.getInt(2));
                }
                try (ResultSet r = s.executeQuery(String.format("SELECT COUNT(*) FROM %s.trial", schema))) {
                    r.next();
                    assertEquals(4, r.getInt(1));
                }
                s.executeUpdate(String.format("DROP SCHEMA %s CASCADE", schema));
            }
        }
    }

    @Test
    void oneWorkerOnSqliteAndOnPostgresRunsTheSameTrials() {
        TrialObjective<Map<String, Object>> o = Synthetic.objective();
        Map<Integer, String> sqlite;
        try (Study s = Study.open("sqlite:" + dir.resolve("one.db"), study)) {
            sqlite = StudyTest.summary(StudyTest.search(s, 20, 1, o, false, Pruner.hyperband(1, 9, 3)));
        }
        try (Study s = Study.open(url, study)) {
            assertEquals(sqlite, StudyTest.summary(StudyTest.search(s, 20, 1, o, false, Pruner.hyperband(1, 9, 3))));
        }
    }

    private String jdbc() {
        return io.fluentdl.internal.sql.StorageUrl.parse(url).jdbcUrl();
    }

    private String user() {
        return io.fluentdl.internal.sql.StorageUrl.parse(url).user();
    }

    private String password() {
        return io.fluentdl.internal.sql.StorageUrl.parse(url).password();
    }
}
