package io.fluentdl.internal.dl4j;

import io.fluentdl.Specs;
import io.fluentdl.ModelSpec;
import io.fluentdl.Model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Sgd;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import io.fluentdl.train.TrainMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keras-style running training metrics against the full pass they approximate. */
class RunningTrainMetricsTest {

    // 10 examples in batches of 4, 4, 2: an unweighted mean of the batch means would be off
    private static final Dataset TRAIN = Circles.dataset(10, 0.1, 3);

    @Test
    void withFrozenWeightsTheRunningMeansAreTheFullPass() {
        // a learning rate of 1e-12 leaves the weights as they were (no BN, no dropout): every batch sees
        // the same network, so the size-weighted means of the batches must equal one pass over the data
        ModelSpec spec = Specs.caseStudy(BnPlacement.NONE).toBuilder().optimizer(Sgd.of(1e-12)).build();
        Model model = Model.of(spec).trainMetrics(TrainMetrics.RUNNING);
        Evaluation before = model.evaluate(TRAIN);
        EpochMetrics epoch = model.fit(TRAIN, 1, 4).last();
        assertEquals(before.loss(), epoch.trainLoss(), 1e-6 * Math.abs(before.loss()));
        assertEquals(before.accuracy(), epoch.trainAccuracy(), 0.0);
    }

    @Test
    void runningMetricsLagTheFullPassWhileTheModelLearns() {
        Dataset train = Circles.dataset(200, 0.1, 1);
        ModelSpec spec = Specs.caseStudy(BnPlacement.NONE);
        History running = Model.of(spec).trainMetrics(TrainMetrics.RUNNING).fit(train, 5, 16);
        History full = Model.of(spec).fit(train, 5, 16);
        // same seed, same batches: the weights are the same, only the measurement differs; while the
        // loss falls, the mean over the epoch's batches (older weights) is above the end-of-epoch loss
        for (int e = 0; e < 5; e++) {
            assertTrue(running.epochs().get(e).trainLoss() > full.epochs().get(e).trainLoss(),
                    "epoch " + (e + 1) + ": running " + running.epochs().get(e).trainLoss() + " vs full " + full.epochs().get(e).trainLoss());
        }
    }

    @Test
    void theListenerIsGoneAfterFitAndTheDefaultIsTheFullPass() {
        Model model = Model.of(Specs.caseStudy(BnPlacement.NONE));
        model.trainMetrics(TrainMetrics.RUNNING).fit(TRAIN, 2, 4);
        assertEquals(List.of(), List.copyOf(model.network().getListeners()));
        Model plain = Model.of(Specs.caseStudy(BnPlacement.NONE));
        EpochMetrics m = plain.fit(TRAIN, 1, 4).last();
        Evaluation after = plain.evaluate(TRAIN);
        assertEquals(after.loss(), m.trainLoss(), 0.0, "FULL_PASS: the loss of the epoch's final weights");
    }
}
