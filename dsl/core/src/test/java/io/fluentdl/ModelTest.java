package io.fluentdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.callbacks.Callback;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Training, evaluation, determinism and persistence of the model facade. */
class ModelTest {

    private static final Dataset CIRCLES = Circles.dataset(200, 0.1, 1);
    private static final Dataset TRAIN = CIRCLES.slice(0, 100);
    private static final Dataset TEST = CIRCLES.slice(100, 200);

    @Test
    void sameSeedGivesIdenticalWeightsAfterTraining() {
        ModelSpec spec = Specs.caseStudy(BnPlacement.AFTER_ACTIVATION);
        Model a = Model.of(spec);
        Model b = Model.of(spec);
        a.fit(TRAIN, 3, 16, TEST);
        b.fit(TRAIN, 3, 16, TEST);
        assertEquals(a.network().params(), b.network().params());
    }

    @Test
    void fittingOneEpochTwiceTrainsExactlyAsTwoEpochsOnce() {
        // each epoch's order comes from (seed, the network's epoch count), not from how fit was called
        ModelSpec spec = Specs.caseStudy(BnPlacement.AFTER_ACTIVATION);
        Model once = Model.of(spec);
        Model twice = Model.of(spec);
        once.fit(TRAIN, 2, 16);
        twice.fit(TRAIN, 1, 16);
        History second = twice.fit(TRAIN, 1, 16);
        assertEquals(once.network().params(), twice.network().params());
        assertEquals(2, second.last().epoch() + 1, "History numbers the epochs of this fit call");
        Model other = Model.of(spec);
        other.fit(TRAIN, 1, 16);
        other.fit(CIRCLES.slice(0, 100), 1, 16); // equal rows, another Dataset object: a fresh iterator, same order
        assertEquals(once.network().params(), other.network().params());
    }

    @Test
    void differentSeedGivesDifferentWeights() {
        ModelSpec spec = Specs.caseStudy(BnPlacement.NONE);
        INDArray one = Model.of(spec).network().params();
        INDArray other = Model.of(spec.toBuilder().seed(2).build()).network().params();
        assertNotEquals(one, other);
    }

    @Test
    void fitReportsEveryEpochAndLearnsTheCircles() {
        History h = Model.of(Specs.caseStudy(BnPlacement.AFTER_ACTIVATION)).fit(TRAIN, 30, 16, TEST);
        assertEquals(30, h.epochs().size());
        assertEquals(30, h.last().epoch());
        assertTrue(h.last().trainLoss() < h.epochs().get(0).trainLoss(), "training loss should fall");
        assertTrue(h.last().validationAccuracy() > 0.6, () -> "accuracy " + h.last().validationAccuracy());
        assertEquals(0.01, h.last().learningRate(), 1e-12);
    }

    @Test
    void epochMetricsReportTheRateOfTheEpochsLastIteration() {
        // step decay ×0.1 every epoch: epoch 1 ran at 0.1, epoch 2 at 0.01 (DL4J's counters already point at the next)
        ModelSpec spec = Specs.caseStudy(BnPlacement.NONE).toBuilder()
                .optimizer(io.fluentdl.optim.Sgd.of(io.fluentdl.schedule.StepDecay.of(0.1, 0.1,
                        io.fluentdl.schedule.Period.epochs(1)))).build();
        Model model = Model.of(spec);
        History h = model.fit(TRAIN, 2, 16);
        assertEquals(0.1, h.epochs().get(0).learningRate(), 1e-12);
        assertEquals(0.01, h.epochs().get(1).learningRate(), 1e-12);
        assertEquals(0.001, model.currentLearningRate(), 1e-12);
    }

    @Test
    void callbackCanStopTraining() {
        Callback stopAtThree = Callback.atEpochEnd((m, control) -> {
            if (m.epoch() == 3) {
                control.stop();
            }
        });
        History h = Model.of(Specs.caseStudy(BnPlacement.NONE)).fit(TRAIN, 10, 16, (Dataset) null, stopAtThree);
        assertEquals(3, h.epochs().size());
        assertTrue(h.stopped());
        assertTrue(Double.isNaN(h.last().validationAccuracy()));
    }

    @Test
    void evaluateCountsMatchAccuracy() {
        Model model = Model.of(Specs.caseStudy(BnPlacement.NONE));
        model.fit(TRAIN, 5, 16);
        Evaluation e = model.evaluate(TEST);
        int correctByHand = 0;
        float[] p = model.predict(Model.features(TEST)).reshape(100).toFloatVector();
        float[] y = Model.labels(TEST).reshape(100).toFloatVector();
        for (int i = 0; i < 100; i++) {
            correctByHand += (p[i] >= 0.5f ? 1 : 0) == (int) y[i] ? 1 : 0;
        }
        assertEquals(correctByHand / 100.0, e.accuracy(), 1e-12);
        assertEquals(100, e.classes().get(0).support() + e.classes().get(1).support());
    }

    @Test
    void saveAndLoadKeepWeightsUpdaterStateBatchNormStatsAndSpec(@TempDir Path dir) throws Exception {
        ModelSpec spec = Specs.caseStudy(BnPlacement.BEFORE_ACTIVATION);
        Model original = Model.of(spec);
        original.fit(TRAIN, 2, 16);
        Path file = dir.resolve("model.zip");
        original.save(file);

        Model loaded = Model.load(file);

        assertEquals(spec, loaded.spec());
        assertEquals(original.network().params(), loaded.network().params());
        assertEquals(original.network().getUpdater().getStateViewArray(), loaded.network().getUpdater().getStateViewArray());
        assertEquals(original.network().getLayer(1).getParam("mean"), loaded.network().getLayer(1).getParam("mean"));
        assertFalse(Files.list(dir).anyMatch(p -> p.toString().endsWith(".tmp")), "no temp file left behind");
        // the momentum state came back: training on continues exactly as it would have
        original.fit(TRAIN, 1, 16);
        loaded.fit(TRAIN, 1, 16);
        assertEquals(original.network().params(), loaded.network().params());
    }
}
