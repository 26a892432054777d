package io.fluentdl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Specs;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.internal.dl4j.ClassicalMomentum;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Sgd;
import io.fluentdl.schedule.Period;
import io.fluentdl.schedule.StepDecay;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** The learning-rate hooks of {@link TrainingControl}, on real networks. */
class TrainingControlTest {

    private static final Dataset TRAIN = Circles.dataset(100, 0.1, 1);

    private static TrainingControl controlOf(MultiLayerNetwork net) {
        return new TrainingControl() {
            @Override
            public void stop() {
            }

            @Override
            public boolean stopRequested() {
                return false;
            }

            @Override
            public MultiLayerNetwork network() {
                return net;
            }
        };
    }

    @Test
    void setLearningRateChangesTheVeryNextStep() {
        ModelSpec spec = Specs.caseStudy(BnPlacement.NONE).toBuilder().optimizer(Sgd.of(0.01)).build();
        DataSet batch = TRAIN.first(16).toDataSet();
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
}
