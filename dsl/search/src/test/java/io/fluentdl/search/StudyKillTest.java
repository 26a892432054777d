package io.fluentdl.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A search killed with SIGKILL in a real child process, then resumed, loses no finished trial. */
class StudyKillTest {

    @TempDir
    Path dir;

    @Test
    void aSearchKilledWithKill9ResumesWithoutLosingFinishedTrials() throws Exception {
        Map<Integer, String> reference;
        try (Study study = Study.open(dir.resolve("reference.db"), "killed")) {
            reference = StudyTest.summary(StudyTest.search(study, 12, 1, Synthetic.objective(), false));
        }
        Path db = dir.resolve("killed.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SlowSearchMain.class.getName(), db.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Map<Integer, Study.Row> before = new TreeMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(100);
            if (db.toFile().exists()) {
                try (Study peek = Study.open(db, "killed")) {
                    before = peek.rows();
                }
                if (before.values().stream().filter(r -> r.status().isFinished()).count() >= 3) {
                    break;
                }
            }
        }
        assertTrue(child.isAlive(), "the child finished or died before it could be killed; see child.log");
        child.destroyForcibly();                     // SIGKILL on Unix: no shutdown hooks, no close()
        assertEquals(137, child.waitFor());
        Map<Integer, Study.Row> atKill;
        try (Study peek = Study.open(db, "killed")) {
            atKill = peek.rows();
        }
        List<Integer> finished = new ArrayList<>();
        List<Integer> inFlight = new ArrayList<>();
        atKill.forEach((n, r) -> (r.status().isFinished() ? finished : inFlight).add(n));
        assertTrue(finished.size() >= 3 && finished.size() < 12, () -> "finished at kill: " + finished);
        assertEquals(1, inFlight.size(), () -> "in flight at kill: " + inFlight);

        List<Integer> ran = new ArrayList<>();
        TrialObjective<Map<String, Object>> counting = (m, t, r) -> {
            ran.add(t.number());
            return Synthetic.objective().evaluate(m, t, r);
        };
        // the killed trial's heartbeat (every second) has stopped; once it is older than twice that, the resumed
        // search fails the trial as stale and runs its point again under a new number, first, as the
        // uninterrupted search did
        Thread.sleep(2500);
        try (Study study = Study.open(db, "killed")) {
            SearchResult<Map<String, Object>> resumed = StudyTest.search(study, 12, 1, counting, true);
            assertEquals(reference, StudyTest.summary(resumed));
            assertEquals(inFlight, StudyTest.stale(resumed));
            assertEquals(12 - finished.size(), ran.size(), () -> "ran after the kill: " + ran);
            ran.forEach(n -> assertTrue(n >= atKill.size(), () -> "trial " + n + " ran again"));
        }
    }
}
