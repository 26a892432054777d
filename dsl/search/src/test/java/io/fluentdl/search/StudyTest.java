package io.fluentdl.search;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.search.storage.StudySchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        // 10 s, not 1 s: at load 10 a heartbeat queued behind the other search's write once came after the
        // 2 s grace, and a live trial was failed as stale and run again (26 rows for 25 trials); the stale
        // paths below are tested with heartbeats set to 0 in the file, which any grace treats as stale
        Search<Map<String, Object>> s = RandomSearch.over(Synthetic.space()).trials(trials).seed(9).workers(workers)
                .maximize().pruner(pruner).study(study).objective(o).heartbeat(Duration.ofSeconds(10));
        return (resume ? s.resume() : s).run();
    }

    /** Each budget slot's trial (a stale trial's retry fills its slot; the stale one is left out). */
    static Map<Integer, String> summary(SearchResult<?> r) {
        Map<Integer, String> out = new TreeMap<>();
        r.trials().stream().filter(t -> !t.reason().equals("stale")).forEach(t -> out.put(t.slot(), String.format(
                "%s %s %s %d", t.params(), t.status(), t.score(), t.epochCount())));
        return out;
    }

    /** The numbers of the trials failed as stale. */
    static List<Integer> stale(SearchResult<?> r) {
        return r.trials().stream().filter(t -> t.reason().equals("stale")).map(TrialResult::number).sorted().toList();
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
        // what a kill -9 leaves, long ago: 8 and 9 in flight with old heartbeats, 10 and 11 never started
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE trial SET status = 'RUNNING', score = NULL, heartbeat = 0 WHERE number IN (8, 9)");
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
            SearchResult<Map<String, Object>> result = search(study, 12, 1, counting, true);
            // 8 and 9 fail as stale and their points run again as 10 and 11; slots 10 and 11 become 12 and 13
            assertEquals(List.of(10, 11, 12, 13), ran);
            assertEquals(List.of(8, 9), stale(result));
            assertEquals(reference, summary(result));
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
            s.executeUpdate("UPDATE trial SET status = 'RUNNING', score = NULL, heartbeat = 0 WHERE number = 10");
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
    void aResumedStudyKeepsItsPruner() {
        Path db = dir.resolve("s.db");
        try (Study study = Study.open(db, "s")) {
            search(study, 4, 1, Synthetic.objective(), false, Pruner.successiveHalving(1, 3));
        }
        try (Study study = Study.open(db, "s")) {
            // an equal pruner (another instance, as in a new process) resumes
            assertEquals(6, search(study, 6, 1, Synthetic.objective(), true, Pruner.successiveHalving(1, 3))
                    .trials().size());
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> search(study, 8, 1, Synthetic.objective(), true, Pruner.successiveHalving(1, 2)));
            assertEquals("Study 's': was created by another search; its pruner was successiveHalving(minEpochs=1, "
                    + "reductionFactor=3), this search's is successiveHalving(minEpochs=1, reductionFactor=2). "
                    + "Use a new study name, or the search that created it.", e.getMessage());
            assertEquals(6, study.rows().size());
            String median = assertThrows(InvalidConfigException.class, () -> search(study, 8, 1,
                    Synthetic.objective(), true, Pruner.median(2, 5))).getMessage();
            assertTrue(median.contains("this search's is median(warmupEpochs=2, minTrials=5)"), median);
        }
    }

    /** The schema before pruners were stored (version 1), as Study created it then. */
    private static final List<String> VERSION_1 = List.of(
            "CREATE TABLE study (name TEXT PRIMARY KEY, space TEXT NOT NULL, sampler TEXT NOT NULL, "
                    + "direction TEXT NOT NULL, created_at INTEGER NOT NULL)",
            "CREATE TABLE trial (study TEXT NOT NULL REFERENCES study(name), number INTEGER NOT NULL, "
                    + "round INTEGER NOT NULL, params TEXT NOT NULL, units TEXT NOT NULL, status TEXT NOT NULL, "
                    + "reason TEXT NOT NULL DEFAULT '', score REAL, started_at INTEGER NOT NULL, finished_at INTEGER, "
                    + "millis INTEGER, PRIMARY KEY (study, number))",
            "CREATE TABLE trial_metric (study TEXT NOT NULL, number INTEGER NOT NULL, epoch INTEGER NOT NULL, "
                    + "name TEXT NOT NULL, value REAL, PRIMARY KEY (study, number, epoch, name), "
                    + "FOREIGN KEY (study, number) REFERENCES trial(study, number) ON DELETE CASCADE)");

    /** The study table of version 2, which added the pruner; the other tables are version 1's. */
    private static final String VERSION_2_STUDY = "CREATE TABLE study (name TEXT PRIMARY KEY, space TEXT NOT NULL, "
            + "sampler TEXT NOT NULL, direction TEXT NOT NULL, created_at INTEGER NOT NULL, pruner TEXT)";

    @Test
    void aStudyFromBeforePrunersWereStoredResumesWithAWarning() throws Exception {
        Map<Integer, String> reference;
        Path source = dir.resolve("source.db");
        try (Study study = Study.open(source, "s")) {
            reference = summary(search(study, 12, 1, Synthetic.objective(), false));
        }
        // the same study in a version-1 file, interrupted after trial 7
        Path old = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            for (String ddl : VERSION_1) {
                s.executeUpdate(ddl);
            }
            s.executeUpdate(String.format("ATTACH DATABASE '%s' AS source", source));
            s.executeUpdate("INSERT INTO study SELECT name, space, sampler, direction, created_at FROM source.study");
            s.executeUpdate("INSERT INTO trial SELECT study, number, round, params, units, status, reason, score, "
                    + "started_at, finished_at, millis FROM source.trial WHERE number < 8");
            s.executeUpdate("INSERT INTO trial_metric SELECT * FROM source.trial_metric WHERE number < 8");
            s.executeUpdate("DETACH DATABASE source");
        }
        Logger log = (Logger) LoggerFactory.getLogger(Study.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        log.addAppender(warnings);
        try (Study study = Study.open(old, "s")) {
            assertEquals(reference, summary(search(study, 12, 1, Synthetic.objective(), true)));
        } finally {
            log.detachAppender(warnings);
        }
        assertEquals(1, warnings.list.size());
        // one warning for both settings a version-1 file could not record
        assertTrue(warnings.list.get(0).getFormattedMessage().startsWith("Study 's': created before studies "
                + "recorded their pruner and objective, so pruner=successiveHalving(minEpochs=1, reductionFactor=3) "
                + "and objective=custom cannot be checked against the ones its trials ran with"),
                warnings.list.get(0).getFormattedMessage());
        // migrated in place: the columns are there, and stay empty (what trials 0-7 ran with is unknown)
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                assertEquals(StudySchema.VERSION, r.getInt(1));
            }
            try (ResultSet r = s.executeQuery("SELECT pruner, objective FROM study WHERE name = 's'")) {
                assertTrue(r.next());
                assertNull(r.getString(1));
                assertNull(r.getString(2));
            }
        }
    }

    @Test
    void aStudyFromBeforeObjectivesWereStoredResumesWithAWarning() throws Exception {
        Map<Integer, String> reference;
        Path source = dir.resolve("source.db");
        try (Study study = Study.open(source, "s")) {
            reference = summary(search(study, 12, 1, Synthetic.objective(), false));
        }
        // the same study in a version-2 file (pruner stored, objective not), interrupted after trial 7
        Path old = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.executeUpdate(VERSION_2_STUDY);
            for (String ddl : VERSION_1.subList(1, VERSION_1.size())) {
                s.executeUpdate(ddl);
            }
            s.executeUpdate("PRAGMA user_version = 2");
            s.executeUpdate(String.format("ATTACH DATABASE '%s' AS source", source));
            s.executeUpdate("INSERT INTO study SELECT name, space, sampler, direction, created_at, pruner FROM source.study");
            s.executeUpdate("INSERT INTO trial SELECT study, number, round, params, units, status, reason, score, "
                    + "started_at, finished_at, millis FROM source.trial WHERE number < 8");
            s.executeUpdate("INSERT INTO trial_metric SELECT * FROM source.trial_metric WHERE number < 8");
            s.executeUpdate("DETACH DATABASE source");
        }
        Logger log = (Logger) LoggerFactory.getLogger(Study.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        log.addAppender(warnings);
        try (Study study = Study.open(old, "s")) {
            // its pruner is still checked
            assertThrows(InvalidConfigException.class, () -> search(study, 12, 1, Synthetic.objective(), true,
                    Pruner.successiveHalving(1, 2)));
            assertEquals(reference, summary(search(study, 12, 1, Synthetic.objective(), true)));
        } finally {
            log.detachAppender(warnings);
        }
        assertEquals(1, warnings.list.size());
        assertEquals(String.format("Study 's': created before studies recorded their objective, so objective=custom "
                + "cannot be checked against the one its trials ran with (%s). Resume it with the objective it was "
                + "created with.", old), warnings.list.get(0).getFormattedMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                assertEquals(StudySchema.VERSION, r.getInt(1));
            }
            try (ResultSet r = s.executeQuery("SELECT pruner, objective FROM study WHERE name = 's'")) {
                assertTrue(r.next());
                assertEquals("successiveHalving(minEpochs=1, reductionFactor=3)", r.getString(1));
                assertNull(r.getString(2));
            }
        }
    }

    @Test
    void aResumedStudyKeepsItsTrialBudgetForACustomObjective() {
        Path db = dir.resolve("s.db");
        try (Study study = Study.open(db, "s")) {
            RandomSearch.over(Synthetic.space()).trials(2).seed(9).maximize().epochsPerTrial(Synthetic.EPOCHS)
                    .study(study).objective(Synthetic.objective()).run();
            // another lambda (as in a new process) with the same epochsPerTrial resumes
            assertEquals(3, RandomSearch.over(Synthetic.space()).trials(3).seed(9).maximize()
                    .epochsPerTrial(Synthetic.EPOCHS).study(study).resume().objective(Synthetic.objective()).run()
                    .trials().size());
            InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> RandomSearch
                    .over(Synthetic.space()).trials(4).seed(9).maximize().study(study).resume()
                    .objective(Synthetic.objective()).run());
            assertEquals("Study 's': was created by another search; its objective was custom, epochsPerTrial=9, "
                    + "this search's is custom. Use a new study name, or the search that created it.", e.getMessage());
            String monitor = assertThrows(InvalidConfigException.class, () -> RandomSearch.over(Synthetic.space())
                    .trials(4).seed(9).maximize().epochsPerTrial(Synthetic.EPOCHS).monitor("val_score").study(study)
                    .resume().objective(Synthetic.objective()).run()).getMessage();
            assertTrue(monitor.contains("this search's is custom, epochsPerTrial=9, monitor=val_score."), monitor);
            assertEquals(3, study.rows().size());
        }
    }

    @Test
    void aFileFromANewerSchemaIsRefused() throws Exception {
        Path db = dir.resolve("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate(String.format("PRAGMA user_version = %d", StudySchema.VERSION + 1));
        }
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Study.open(db, "s"));
        assertEquals(String.format("Study 's': this FluentDL reads schema versions up to %d, got user_version=%d. "
                + "Open it with the newer FluentDL that wrote it, or use another file.", StudySchema.VERSION,
                StudySchema.VERSION + 1), e.getMessage());
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

    @Test
    void theLargestTrialBudgetCreatesTrialsOnlyAsTheyStart() {
        // issue 18: the budget was an ArrayList of every trial up front (OutOfMemoryError, 0 trials stored);
        // trials are now bounded (Limits.MAX_TRIALS), and the queue creates each trial when it is claimed
        Path db = dir.resolve("huge.db");
        try (Study study = Study.open(db, "huge")) {
            SearchResult<Map<String, Object>> result = RandomSearch.over(Synthetic.space())
                    .trials(io.fluentdl.errors.Limits.MAX_TRIALS).seed(9)
                    .maximize().epochBudget(5 * Synthetic.EPOCHS).study(study).objective(Synthetic.objective()).run();
            assertEquals(5, result.trials().size());
            assertEquals(5, study.rows().size());
        }
    }
}
