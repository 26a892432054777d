package io.fluentdl.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.fluentdl.Model;
import io.fluentdl.Sequential;
import io.fluentdl.data.Dataset;
import io.fluentdl.internal.dl4j.schedule.PerStepSchedule;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.Sgd;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Warm-ups and cycles counted in epochs move every step once fit knows the epoch length (issue 17's trap). */
class WarmupPerStepTest {

    private static final int STEPS = 10; // mini-batches per epoch

    @Test
    void oneEpochWarmupRampsEveryStepAndReachesTheTargetAsEpochTwoStarts() {
        Warmup w = Warmup.linear(Period.epochs(1), 0.0).then(0.1);
        assertEquals(0.0, w.valueAt(0, 0, STEPS), 1e-15);             // step 1
        assertEquals(0.05, w.valueAt(5, 0, STEPS), 1e-15);            // middle
        assertEquals(0.09, w.valueAt(9, 0, STEPS), 1e-15);            // last step of epoch 1
        assertEquals(0.1, w.valueAt(10, 1, STEPS), 1e-15);            // epoch 2: the target
        assertEquals(0.0, w.valueAt(9, 0), 1e-15);                    // without the epoch length: held at 0 all epoch
    }

    @Test
    void theScheduleAfterAnEpochWarmupStartsItsClocksWhenWarmupEnds() {
        Cyclical tri = Cyclical.triangular(0.01, 0.11, Period.epochs(1));
        Warmup w = Warmup.linear(Period.epochs(2), 0.0).then(tri);
        assertEquals(0.005, w.valueAt(10, 1, STEPS), 1e-12);           // half-way: half of tri(0) = 0.01
        assertEquals(0.01, w.valueAt(20, 2, STEPS), 1e-12);            // tri's step 0
        assertEquals(0.06, w.valueAt(25, 2, STEPS), 1e-12);            // tri half-way up, mid-epoch
    }

    @Test
    void cyclicalInEpochsMovesWithinTheEpoch() {
        Cyclical tri = Cyclical.triangular(0.0, 1.0, Period.epochs(2));
        assertEquals(0.25, tri.valueAt(5, 0, STEPS), 1e-12);           // 0.5 epochs of a 2-epoch half cycle
        assertEquals(0.0, tri.valueAt(5, 0), 1e-12);                   // epoch resolution
        assertEquals(0.75, tri.valueAt(25, 2, STEPS), 1e-12);          // coming down: epoch 2.5 of the 4-epoch cycle
    }

    @Test
    void fitTrainsDuringAOneEpochWarmupFromZero() {
        // 40 examples, batch 4: 10 steps. Before per-step warm-up the rate was 0 for all of epoch 1, so no weight moved.
        Nd4j.getRandom().setSeed(1);
        Dataset data = Model.dataset(Nd4j.rand(DataType.FLOAT, 40, 2), Nd4j.rand(DataType.FLOAT, 40, 1));
        Model model = Model.of(Sequential.named("warm").input(2).dense(4, Activation.TANH)
                .output(1, Activation.IDENTITY, Loss.MSE)
                .optimizer(Sgd.of(Warmup.linear(Period.epochs(1), 0.0).then(0.1))).seed(2).build());
        INDArray before = model.network().params().dup();
        List<Double> rates = new ArrayList<>();
        model.addListeners(new BaseTrainingListener() {
            @Override
            public void iterationDone(org.deeplearning4j.nn.api.Model m, int iteration, int epoch) {
                BaseLayer layer = (BaseLayer) model.network().getLayer(0).conf().getLayer();
                rates.add(layer.getIUpdater().getLearningRate(iteration, epoch)); // the step that just ran
            }
        });
        model.fit(data, 1, 4);
        assertNotEquals(before, model.network().params(), "weights moved during the warm-up epoch");
        assertEquals(STEPS, rates.size());
        assertEquals(0.0, rates.get(0), 1e-12);
        assertEquals(0.05, rates.get(5), 1e-12);
        assertEquals(0.09, rates.get(9), 1e-12);
        assertEquals(0.1, model.currentLearningRate(), 1e-12);
        BaseLayer layer = (BaseLayer) model.network().getLayer(0).conf().getLayer();
        assertEquals(PerStepSchedule.class, ((org.nd4j.linalg.learning.config.Sgd) layer.getIUpdater()).getLearningRateSchedule().getClass());
    }

    @Test
    void aSavedModelKeepsItsPerStepSchedule(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Nd4j.getRandom().setSeed(1);
        Dataset data = Model.dataset(Nd4j.rand(DataType.FLOAT, 40, 2), Nd4j.rand(DataType.FLOAT, 40, 1));
        Model model = Model.of(Sequential.named("warm").input(2).output(1, Activation.IDENTITY, Loss.MSE)
                .optimizer(Sgd.of(Warmup.linear(Period.epochs(2), 0.0).then(0.1))).seed(2).build());
        model.fit(data, 1, 8); // 5 steps: half-way through the warm-up
        java.nio.file.Path file = dir.resolve("m.zip");
        model.save(file);
        Model loaded = Model.load(file);
        assertEquals(0.05, loaded.currentLearningRate(), 1e-12);
        assertEquals(model.currentLearningRate(), loaded.currentLearningRate(), 0.0);
    }
}
