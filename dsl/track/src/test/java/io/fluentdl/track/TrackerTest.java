package io.fluentdl.track;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Sgd;
import io.fluentdl.train.History;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerTest {

    @TempDir
    Path root;

    private static ModelSpec caseStudy() {
        return Sequential.named("bn-case-study").input(2)
                .dense(50, RELU, HE_UNIFORM).batchNorm()
                .output(1, SIGMOID, BINARY_CROSSENTROPY)
                .batchNormPlacement(BnPlacement.AFTER_ACTIVATION)
                .optimizer(Sgd.of(0.01).momentum(0.9))
                .seed(1).build();
    }

    @Test
    void modelFitLogsOneMergedRecordPerEpoch() {
        ModelSpec spec = caseStudy();
        Dataset data = Circles.dataset(200, 0.1, 1);
        Dataset train = data.first(100);
        Dataset test = data.slice(100, 200);
        Model model = Model.of(spec);
        History history;
        Path dir;
        try (Tracker t = Tracker.in(root).experiment("bn-case-study").name("bn-after").config(spec)
                .histogramEvery(4).start()) {
            dir = t.dir();
            history = model.fit(train, 3, 32, test, t.callback());
            model.save(t.artifactPath("model.zip"));
            t.finish(Map.of("test_accuracy", model.evaluate(test).accuracy()));
        }

        RunReader r = RunReader.open(dir);
        List<MetricRecord> epochs = r.metrics().stream().filter(m -> m.scope() == Scope.EPOCH).toList();
        assertEquals(3, epochs.size());
        // the DL4J listener's figures and Model.fit's metrics in one record per epoch
        for (String name : List.of("loss", "samples_per_sec", "offheap_bytes", "train_loss", "val_accuracy")) {
            assertTrue(epochs.get(2).values().containsKey(name), name);
        }
        assertArrayEquals(history.validationAccuracy(), r.series(Scope.EPOCH, "val_accuracy").y(), 0.0);
        assertArrayEquals(history.trainLoss(), r.series(Scope.EPOCH, "train_loss").y(), 0.0);
        assertEquals(12, epochs.get(2).iteration()); // 4 batches of <= 32 from 100 examples, 3 epochs

        Run run = r.run();
        assertEquals(RunStatus.FINISHED, run.status());
        assertEquals(1L, run.seed());
        assertEquals("bn-case-study", run.config().get("name").asText());
        assertEquals(List.of("model.zip"), run.artifacts());
        assertTrue(Files.isRegularFile(dir.resolve("artifacts/model.zip")));
        assertEquals(Model.load(dir.resolve("artifacts/model.zip")).spec(), spec);
        assertTrue(run.summary().containsKey("test_accuracy"));
        assertEquals(history.last().validationAccuracy(), run.summary().get("val_accuracy"));
        assertTrue(run.provenance().get("dl4j.version").toString().startsWith("1.0.0-M2"), run.provenance().toString());
        assertTrue(run.provenance().containsKey("cpu.model"));
        assertTrue(run.provenance().get("nd4j.backend").toString().contains("Cpu"), run.provenance().toString());
        assertEquals(List.of("dense_1", "batch_norm_1", "output_1"), List.copyOf(r.histogramLayers()));
        assertNull(run.error());
    }

    @Test
    void closingWithoutFinishMarksTheRunFailed() {
        Path dir;
        try (Tracker t = Tracker.in(root).provenance(Map.of()).start()) {
            dir = t.dir();
            t.logEpoch(Map.of("train_loss", 1.0));
        }
        Run run = RunReader.open(dir).run();
        assertEquals(RunStatus.FAILED, run.status());
        assertTrue(run.error().contains("closed without finish()"), run.error());
        assertEquals(1.0, run.summary().get("train_loss"));
    }

    @Test
    void failRecordsTheCauseAndLaterLoggingIsIgnored() {
        Tracker t = Tracker.in(root).provenance(Map.of()).start();
        t.fail(new IllegalStateException("loss is NaN"));
        t.logEpoch(Map.of("train_loss", 1.0));
        t.finish();
        Run run = RunReader.open(t.dir()).run();
        assertEquals(RunStatus.FAILED, run.status());
        assertEquals("java.lang.IllegalStateException: loss is NaN", run.error());
        assertTrue(RunReader.open(t.dir()).metrics().isEmpty());
    }

    @Test
    void artifactsAreCopiedIntoTheRun() throws IOException {
        Path file = Files.writeString(root.resolve("notes.txt"), "hello");
        try (Tracker t = Tracker.in(root.resolve("track")).provenance(Map.of()).start()) {
            Path copy = t.artifact(file);
            assertEquals("hello", Files.readString(copy));
            t.finish();
            assertEquals(List.of("notes.txt"), t.run().artifacts());
            assertThrows(IllegalArgumentException.class, () -> t.artifactPath("../escape.txt"));
        }
    }

    @Test
    void badSettingsFailAtTheCall() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Tracker.in(root).name("r").histogramEvery(-1));
        assertTrue(e.getMessage().contains("Run 'r'") && e.getMessage().contains("histogramEvery must be >= 0, got histogramEvery=-1"),
                e.getMessage());
        assertFalse(Files.exists(root.resolve(RunFiles.RUNS)));
    }
}
