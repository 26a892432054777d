package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyTest {

    @TempDir
    Path dir;

    static SearchResult<Map<String, Object>> search(Study study, int trials, int workers, TrialObjective<Map<String, Object>> o,
                                                    boolean resume) {
        return search(study, trials, workers, o, resume, Pruner.successiveHalving(1, 3));
    }

    static SearchResult<Map<String, Object>> search(Study study, int trials, int workers, TrialObjective<Map<String, Object>> o,
                                                    boolean resume, Pruner pruner) {
        Search<Map<String, Object>> s = RandomSearch.over(Synthetic.space()).trials(trials).seed(9).workers(workers)
                .maximize().pruner(pruner).study(study).objective(o);
        return (resume ? s.resume() : s).run();
    }

    static Map<Integer, String> summary(SearchResult<?> r) {
        Map<Integer, String> out = new TreeMap<>();
        r.trials().forEach(t -> out.put(t.number(), String.format("%s %s %s %d", t.params(), t.status(), t.score(),
                t.epochCount())));
        return out;
    }

    private static Map<Integer, String> params(Map<Integer, String> summary) {
        Map<Integer, String> out = new TreeMap<>();
        summary.forEach((k, v) -> out.put(k, v.substring(0, v.indexOf('}') + 1)));
        return out;
    }

    @Test
    void everyTrialIsStoredWithItsMetrics() {
        Path db = dir.resolve("search.db");
        SearchResult<Map<String, Object>> result;
        try (Study study = Study.open(db, "bn-search")) {
            result = search(study, 10, 1, Synthetic.objective(), false);
        }
        try (Study again = Study.open(db, "bn-search")) {
            Map<Integer, Study.Row> rows = again.rows();
            assertEquals(10, rows.size());
            for (TrialResult t : result.trials()) {
                Study.Row row = rows.get(t.number());
                assertEquals(t.status(), row.status());
                assertEquals(t.score(), row.score());
                assertEquals(t.reason(), row.reason());
                assertEquals(t.epochs(), row.epochs());
                assertEquals(t.params(), again.storedParams().get(t.number()));
            }
        }
    }

    @Test
    void resumeKeepsFinishedTrialsAndRerunsInFlightOnes() throws Exception {
        Map<Integer, String> reference;
        try (Study study = Study.open(dir.resolve("reference.db"), "s")) {
            reference = summary(search(study, 12, 1, Synthetic.objective(), false));
        }
        Path db = dir.resolve("crashed.db");
        try (Study study = Study.open(db, "s")) {
            search(study, 12, 1, Synthetic.objective(), false);
        }
        // what a kill -9 leaves: 8 and 9 in flight, 10 and 11 never started
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE trial SET status = 'RUNNING', score = NULL WHERE number IN (8, 9)");
            s.executeUpdate("DELETE FROM trial_metric WHERE number = 9 AND epoch > 1");
            s.executeUpdate("DELETE FROM trial WHERE number >= 10");
        }
        List<Integer> ran = new ArrayList<>();
        TrialObjective<Map<String, Object>> counting = (m, t, r) -> {
            synchronized (ran) {
                ran.add(t.number());
            }
            return Synthetic.objective().evaluate(m, t, r);
        };
        try (Study study = Study.open(db, "s")) {
            assertThrows(InvalidConfigException.class, () -> search(study, 12, 1, counting, false));
            Map<Integer, String> resumed = summary(search(study, 12, 1, counting, true));
            assertEquals(List.of(8, 9, 10, 11), ran);
            assertEquals(reference, resumed);
        }
    }

    @Test
    void aResumedHyperbandSearchMakesTheDecisionsOfAnUninterruptedOne() throws Exception {
        Map<Integer, String> reference;
        try (Study study = Study.open(dir.resolve("reference.db"), "s")) {
            reference = summary(search(study, 20, 1, Synthetic.objective(), false, Pruner.hyperband(1, 9, 3)));
        }
        Path db = dir.resolve("crashed.db");
        try (Study study = Study.open(db, "s")) {
            search(study, 20, 1, Synthetic.objective(), false, Pruner.hyperband(1, 9, 3));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE trial SET status = 'RUNNING', score = NULL WHERE number = 10");
            s.executeUpdate("DELETE FROM trial WHERE number > 10");
        }
        try (Study study = Study.open(db, "s")) {
            // a new process: a new pruner that has seen no trial yet
            assertEquals(reference, summary(search(study, 20, 1, Synthetic.objective(), true, Pruner.hyperband(1, 9, 3))));
        }
    }

    @Test
    void aStudyRejectsAnotherSpace() {
        Path db = dir.resolve("s.db");
        try (Study study = Study.open(db, "s")) {
            search(study, 2, 1, Synthetic.objective(), false);
            SearchSpace<Map<String, Object>> other = SearchSpace.named("synthetic")
                    .params(Synthetic.LR, Synthetic.UNITS).model(Trial::params);
            InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> RandomSearch.over(other)
                    .trials(2).seed(9).maximize().study(study).resume().objective(Synthetic.objective()).run());
            assertTrue(e.getMessage().startsWith("Study 's': was created by another search; its space was "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("Use a new study name, or the search that created it."), e.getMessage());
        }
    }

    @Test
    void twoSearchesWritingOneFileDoNotCorruptEachOther() throws Exception {
        Path db = dir.resolve("shared.db");
        AtomicInteger errors = new AtomicInteger();
        List<Map<Integer, String>> summaries = new ArrayList<>(List.of(Map.of(), Map.of()));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int which = i;
            threads.add(new Thread(() -> {
                try (Study study = Study.open(db, "study-" + which)) {
                    summaries.set(which, summary(search(study, 25, 2, Synthetic.objective(), false)));
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    throw e;
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(0, errors.get());
        for (int i = 0; i < 2; i++) {
            try (Study study = Study.open(db, "study-" + i)) {
                Map<Integer, Study.Row> rows = study.rows();
                assertEquals(25, rows.size());
                rows.values().forEach(r -> assertTrue(r.status().isFinished(), r::toString));
                assertEquals(summaries.get(i).size(), 25);
            }
        }
        // same seed and space: the same points, kept apart (statuses may differ: with 2 workers the
        // order in which trials reach an ASHA rung varies)
        assertEquals(params(summaries.get(0)), params(summaries.get(1)));
    }
}
