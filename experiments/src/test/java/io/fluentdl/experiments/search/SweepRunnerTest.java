package io.fluentdl.experiments.search;

import io.fluentdl.experiments.sweep.Sweep;
import io.fluentdl.experiments.sweep.SweepParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepRunnerTest {

    static final String CIRCLES = String.join("\n",
            "name: circles",
            "trials: 4",
            "seed: 5",
            "early_terminate: {type: asha, min_iter: 1, eta: 2}",
            "model: {data: circles, train_size: 100, validation_size: 50, test_size: 50, epochs: 3, optimizer: adam}",
            "parameters:",
            "  lr: {distribution: log_uniform, min: 1.0e-3, max: 1.0e-1}",
            "  units: {distribution: int_uniform, min: 4, max: 16}");

    @Test
    void aSweepWritesItsStudyAndResultsAndResumesWithoutRetraining(@TempDir Path dir) {
        Sweep sweep = SweepParser.parse(CIRCLES, "circles.yaml", "circles");
        SweepRunner.Outcome first = SweepRunner.run(sweep, dir, false, null, t -> { });
        assertTrue(Files.isRegularFile(dir.resolve(SweepRunner.STUDY_FILE)));
        Map<String, Object> results = SweepRunner.results(first);
        for (String key : List.of("sweep", "method", "metric", "goal", "trials_run", "complete", "pruned", "failed",
                "total_epochs", "best", "importance", "importance_method", "trials")) {
            assertTrue(results.containsKey(key), key);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> best = (Map<String, Object>) results.get("best");
        assertNotNull(best.get("spec"));
        assertNotNull(best.get("test_accuracy"));
        assertEquals(4, results.get("trials_run"));
        List<List<String>> rows = SweepRunner.metricsRows(first.result());
        assertEquals(List.of("trial", "round", "status", "epoch", "accuracy", "loss", "val_accuracy", "val_loss"),
                rows.get(0));
        assertEquals(first.result().totalEpochs() + 1, rows.size());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepRunner.run(sweep, dir, false, null, t -> { }))
                .getMessage().contains("already has 4 trials"));
        int[] ran = {0};
        SweepRunner.Outcome resumed = SweepRunner.run(sweep, dir, true, null, t -> ran[0]++);
        assertEquals(0, ran[0]);
        assertEquals(first.result().best().params(), resumed.result().best().params());
        SweepRunner.Outcome more = SweepRunner.run(sweep.withTrials(6), dir, true, null, t -> ran[0]++);
        assertEquals(2, ran[0]);
        assertEquals(6, more.result().trials().size());
        // --resume with another early_terminate: refused before any trial runs
        Sweep otherEta = SweepParser.parse(CIRCLES.replace("eta: 2", "eta: 3"), "circles.yaml", "circles");
        String refused = assertThrows(IllegalArgumentException.class, () -> SweepRunner.run(otherEta, dir, true, null,
                t -> ran[0]++)).getMessage();
        assertTrue(refused.contains("its pruner was successiveHalving(minEpochs=1, reductionFactor=2), this search's "
                + "is successiveHalving(minEpochs=1, reductionFactor=3)"), refused);
        // and with another trial budget
        Sweep longer = SweepParser.parse(CIRCLES.replace("epochs: 3", "epochs: 4"), "circles.yaml", "circles");
        refused = assertThrows(IllegalArgumentException.class, () -> SweepRunner.run(longer, dir, true, null,
                t -> ran[0]++)).getMessage();
        assertTrue(refused.contains("its objective was training(epochs=3, batchSize=32, metric=val_accuracy, "
                + "executions=1), this search's is training(epochs=4, batchSize=32, metric=val_accuracy, "
                + "executions=1)"), refused);
        assertEquals(2, ran[0]);
    }

    @Test
    void samplingScalesShowTheLecturesShares() {
        List<SamplingScales.Scale> scales = SamplingScales.measure(SamplingScales.DRAWS, 42);
        assertEquals(0.90, scales.get(0).shares().get("[1e-1, 1]"), 0.02);
        scales.get(1).shares().values().forEach(s -> assertEquals(0.25, s, 0.02));
        assertEquals(0.09, scales.get(2).shares().get("[0.99, 0.999]"), 0.02);
        assertEquals(0.50, scales.get(3).shares().get("[0.99, 0.999]"), 0.02);
        assertEquals(SamplingScales.DRAWS, java.util.Arrays.stream(scales.get(3).histogram()).sum());
    }
}
