package io.fluentdl.track;

import static io.fluentdl.track.RunReaderTest.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIndexTest {

    @TempDir
    Path root;

    private Run run(String experiment, String name, double[] valAccuracy, String... tags) {
        try (Tracker t = Tracker.in(root).experiment(experiment).name(name).tags(tags).seed(1)
                .config(Map.of("units", 50)).provenance(Map.of()).start()) {
            for (double acc : valAccuracy) {
                t.logEpoch(values("val_accuracy", acc));
            }
            t.finish();
            return t.run();
        }
    }

    @Test
    void queriesByExperimentTagAndStatus() {
        Run a = run("bn-case-study", "no-bn", new double[] {0.6, 0.8}, "bn", "quick");
        Run b = run("bn-case-study", "bn-after", new double[] {0.7, 0.85}, "bn");
        Run c = run("mnist-mlp", "adam", new double[] {0.97}, "quick");
        Tracker open = Tracker.in(root).experiment("bn-case-study").name("still-running").provenance(Map.of()).start();
        RunIndex index = RunIndex.at(root);

        assertEquals(List.of(open.id(), b.id(), a.id()), ids(index.query(RunQuery.experiment("bn-case-study"))));
        assertEquals(List.of(c.id(), a.id()), ids(index.query(RunQuery.any().tag("quick"))));
        assertEquals(List.of(a.id()), ids(index.query(RunQuery.experiment("bn-case-study").tag("quick"))));
        assertEquals(List.of(b.id(), a.id()),
                ids(index.query(RunQuery.experiment("bn-case-study").status(RunStatus.FINISHED))));
        assertEquals(List.of(open.id()), ids(index.query(RunQuery.any().status(RunStatus.RUNNING))));
        assertEquals(4, index.all().size());
        Run stored = index.get(b.id()).orElseThrow();
        assertEquals(List.of("bn"), stored.tags());
        assertEquals(50, stored.config().get("units").asInt());
        assertEquals(0.85, stored.summary().get("val_accuracy"));
        open.finish();
    }

    @Test
    void comparesOneMetricAcrossRuns() {
        Run a = run("bn-case-study", "no-bn", new double[] {0.6, 0.8});
        Run b = run("bn-case-study", "bn-after", new double[] {0.7, 0.85, 0.84});
        Comparison cmp = RunIndex.at(root).compare(List.of(a.id(), b.id()), "val_accuracy");

        assertEquals(2, cmp.entries().size());
        assertEquals(0.8, cmp.entries().get(0).finalValue());
        assertEquals(0.84, cmp.entries().get(1).finalValue());
        assertArrayEquals(new double[] {0.7, 0.85, 0.84}, cmp.entries().get(1).curve().y());
        assertEquals(b.id(), cmp.best(true).orElseThrow().run().id());
        assertEquals(a.id(), cmp.best(false).orElseThrow().run().id());
    }

    @Test
    void compareNamesAnUnknownRun() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunIndex.at(root).compare(List.of("nope"), "val_accuracy"));
        assertTrue(e.getMessage().contains("got id='nope', which is not there"), e.getMessage());
    }

    @Test
    void rebuildRestoresTheIndexFromRunDirectories() throws IOException {
        Run a = run("e", "a", new double[] {0.5});
        Run b = run("e", "b", new double[] {0.6});
        Files.delete(root.resolve(RunFiles.INDEX));
        Files.deleteIfExists(root.resolve(RunFiles.INDEX + "-wal"));
        Files.deleteIfExists(root.resolve(RunFiles.INDEX + "-shm"));
        RunIndex index = RunIndex.at(root);
        assertEquals(0, index.all().size());
        assertEquals(2, index.rebuild());
        assertEquals(List.of(b.id(), a.id()), ids(index.query(RunQuery.experiment("e"))));
    }

    @Test
    void indexIsInWalMode() throws Exception {
        run("e", "a", new double[] {0.5});
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + root.resolve(RunFiles.INDEX));
             var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertEquals("wal", rs.getString(1));
        }
    }

    private static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::id).toList();
    }
}
