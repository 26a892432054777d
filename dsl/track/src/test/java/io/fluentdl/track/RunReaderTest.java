package io.fluentdl.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReaderTest {

    @TempDir
    Path root;

    private Tracker start() {
        return Tracker.in(root).experiment("reader").name("r1").provenance(Map.of("java.version", "17")).start();
    }

    @Test
    void metricsWrittenAreReadBackEqual() {
        List<MetricRecord> written;
        Path dir;
        try (Tracker t = start()) {
            dir = t.dir();
            t.logStep(0, values("loss", 0.75, "lr", 0.01));
            t.logStep(10, values("loss", 0.5, "lr", 0.01));
            t.logEpoch(values("train_loss", 0.4, "val_accuracy", 0.9));
            t.logStep(20, values("loss", Double.NaN, "lr", Double.POSITIVE_INFINITY));
            t.logEpoch(values("train_loss", 0.3, "val_accuracy", 0.95));
            t.finish(Map.of("test_accuracy", 0.93));
        }
        RunReader r = RunReader.open(dir);
        written = r.metrics();
        assertEquals(5, written.size());
        assertEquals(new MetricRecord(Scope.STEP, 10, 1, written.get(1).seconds(), values("loss", 0.5, "lr", 0.01)),
                written.get(1));
        assertEquals(values("loss", Double.NaN, "lr", Double.POSITIVE_INFINITY), written.get(3).values());
        assertEquals(2, written.get(3).epoch());
        assertEquals(new MetricSeries("val_accuracy", Scope.EPOCH, new long[] {1, 2}, new double[] {0.9, 0.95}),
                r.series(Scope.EPOCH, "val_accuracy"));
        assertArrayEquals(new long[] {0, 10, 20}, r.series(Scope.STEP, "loss").x());
        assertEquals(List.of("loss", "lr"), List.copyOf(r.metricNames(Scope.STEP)));
        assertFalse(r.hadTornLine());

        Run run = r.run();
        assertEquals(RunStatus.FINISHED, run.status());
        assertEquals("reader", run.experiment());
        assertEquals(0.95, run.summary().get("val_accuracy"));
        assertEquals(0.93, run.summary().get("test_accuracy"));
        assertEquals(2.0, run.summary().get("epochs"));
        assertEquals(Map.of("java.version", "17"), run.provenance());
    }

    @Test
    void tornLastLineIsSkipped() throws IOException {
        Path dir;
        try (Tracker t = start()) {
            dir = t.dir();
            t.logEpoch(values("train_loss", 0.4));
            t.logEpoch(values("train_loss", 0.3));
            t.finish();
        }
        // what a kill -9 in the middle of a buffered write leaves: half a record, no newline
        Files.writeString(dir.resolve(RunFiles.METRICS), "{\"scope\":\"epoch\",\"iteration\":3,\"ep",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        RunReader r = RunReader.open(dir);
        assertEquals(2, r.metrics().size());
        assertTrue(r.hadTornLine());
        assertArrayEquals(new double[] {0.4, 0.3}, r.series(Scope.EPOCH, "train_loss").y());
    }

    @Test
    void tornLastLineEndingInANewlineIsSkippedToo() throws IOException {
        Path dir;
        try (Tracker t = start()) {
            dir = t.dir();
            t.logEpoch(values("train_loss", 0.4));
            t.finish();
        }
        // the crash came after the newline of a record whose middle never reached the disk
        Files.writeString(dir.resolve(RunFiles.METRICS), "{\"scope\":\"epoch\",\"iter\n\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        RunReader r = RunReader.open(dir);
        assertTrue(r.hadTornLine());
        assertArrayEquals(new double[] {0.4}, r.series(Scope.EPOCH, "train_loss").y());
    }

    @Test
    void damagedLineInTheMiddleIsAnErrorNamingTheLine() throws IOException {
        Path dir;
        try (Tracker t = start()) {
            dir = t.dir();
            t.logEpoch(values("train_loss", 0.4));
            t.finish();
        }
        Path metrics = dir.resolve(RunFiles.METRICS);
        Files.writeString(metrics, "garbage\n" + Files.readString(metrics));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunReader.open(dir));
        assertTrue(e.getMessage().contains("line 1: not a tracking record"), e.getMessage());
    }

    @Test
    void openingSomethingElseSaysWhatARunDirIs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunReader.open(root));
        assertTrue(e.getMessage().contains("is not a run directory: it has no run.json"), e.getMessage());
    }

    static Map<String, Double> values(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return m;
    }
}
