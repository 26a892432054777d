package io.fluentdl.internal.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Specs;
import io.fluentdl.callbacks.Callback;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Sgd;
import io.fluentdl.schedule.Period;
import io.fluentdl.schedule.StepDecay;
import io.fluentdl.train.BatchMetrics;
import io.fluentdl.train.History;
import io.fluentdl.train.TrainingControl;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** {@code Model.fit}'s {@link TrainingControl}: learning-rate hooks and weight snapshots, on real networks. */
class NetworkControlTest {

    private static final Dataset TRAIN = Circles.dataset(100, 0.1, 1);

    private static TrainingControl controlOf(MultiLayerNetwork net) {
        return new NetworkControl(net, file -> {
            throw new AssertionError("no save expected");
        });
    }

    @Test
    void setLearningRateChangesTheVeryNextStep() {
        ModelSpec spec = Specs.caseStudy(BnPlacement.NONE).toBuilder().optimizer(Sgd.of(0.01)).build();
        DataSet batch = new DataSet(Model.features(TRAIN.first(16)), Model.labels(TRAIN.first(16)));
        MultiLayerNetwork a = Model.of(spec).network();
        MultiLayerNetwork b = Model.of(spec).network();
        INDArray start = a.params().dup();
        controlOf(b).setLearningRate(0.03);
        a.fit(batch);
        b.fit(batch);
        // plain SGD: θ' − θ = −lr·g, so three times the rate moves three times as far
        INDArray stepA = a.params().sub(start);
        INDArray stepB = b.params().sub(start);
        assertEquals(0.0, stepB.sub(stepA.mul(3)).norm2Number().doubleValue(), 1e-4 * stepB.norm2Number().doubleValue()); // float32
        assertEquals(0.03, controlOf(b).learningRate(), 0.0);
    }

    @Test
    void setLearningRateReplacesAScheduleAndKeepsTheMomentum() {
        StepDecay step = StepDecay.of(0.1, 0.5, Period.iterations(3));
        Model model = Model.of(Specs.caseStudy(BnPlacement.NONE).toBuilder().optimizer(Sgd.of(step).momentum(0.9)).build());
        TrainingControl control = controlOf(model.network());
        model.fit(TRAIN, 1, 20);                        // 5 iterations: the schedule is at 0.1 · 0.5
        assertEquals(0.05, control.learningRate(), 1e-12);
        INDArray velocity = model.network().getUpdater().getStateViewArray().dup();

        control.setLearningRate(0.2);

        assertEquals(velocity, model.network().getUpdater().getStateViewArray(), "momentum survives the change");
        ClassicalMomentum updater = (ClassicalMomentum) ((BaseLayer) model.network().getLayer(0).conf().getLayer()).getIUpdater();
        assertNull(updater.getLearningRateSchedule(), "DL4J drops the schedule");
        model.fit(TRAIN, 2, 20);                        // the schedule would now be at 0.1 · 0.5^5
        assertEquals(0.2, control.learningRate(), 0.0);
        assertTrue(Double.isFinite(model.evaluate(TRAIN).loss()));
    }

    @Test
    void snapshotRestoresWeightsAndUpdaterStateButNotTheCounters() {
        Model model = Model.of(Specs.caseStudy(BnPlacement.NONE));
        model.fit(TRAIN, 1, 20);
        TrainingControl control = controlOf(model.network());
        INDArray params = model.network().params().dup();
        INDArray velocity = model.network().getUpdater().getStateViewArray().dup();
        TrainingControl.Snapshot snapshot = control.snapshot();
        model.fit(TRAIN, 2, 20);
        int iterations = model.network().getIterationCount();
        assertNotEquals(params, model.network().params());

        control.restore(snapshot);

        assertEquals(params, model.network().params());
        assertEquals(velocity, model.network().getUpdater().getStateViewArray());
        assertEquals(iterations, model.network().getIterationCount(), "counters are not rewound (Keras does not either)");
    }

    @Test
    void aSnapshotRestoresOnlyIntoItsOwnModel() {
        TrainingControl.Snapshot other = controlOf(Model.of(Specs.caseStudy(BnPlacement.NONE)).network()).snapshot();
        TrainingControl control = controlOf(Model.of(Specs.caseStudy(BnPlacement.NONE)).network());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> control.restore(other));
        assertTrue(e.getMessage().startsWith("TrainingControl.restore: a snapshot restores only into the model it was taken from"),
                e.getMessage());
    }

    @Test
    void batchEndSeesEveryBatchWithItsSizeLossAndRateAndStopEndsTheEpochThere() {
        // 100 examples in batches of 30: 30, 30, 30, 10 per epoch; StepDecay halves the rate every 3 iterations
        Model model = Model.of(Specs.caseStudy(BnPlacement.NONE).toBuilder()
                .optimizer(Sgd.of(StepDecay.of(0.1, 0.5, Period.iterations(3)))).build());
        List<String> seen = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onBatchEnd(int batch, BatchMetrics logs, TrainingControl control) {
                seen.add(String.format("%d/%d:%d@%s", logs.epoch(), batch, logs.size(), logs.learningRate()));
                assertTrue(Double.isFinite(logs.loss()) && logs.loss() > 0, "loss " + logs.loss());
                if (logs.iteration() == 5) {
                    control.stop();
                }
            }
        };
        History h = model.fit(TRAIN, 3, 30, recorder);
        assertEquals(List.of("1/0:30@0.1", "1/1:30@0.1", "1/2:30@0.1", "1/3:10@0.05", "2/0:30@0.05", "2/1:30@0.05"), seen);
        assertEquals(2, h.epochs().size(), "the epoch stopped in still reports its metrics, as in Keras");
        assertTrue(h.stopped());
        assertEquals(6, model.network().getIterationCount());
    }
}
