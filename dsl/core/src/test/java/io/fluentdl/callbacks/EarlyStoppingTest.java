package io.fluentdl.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.Sequential;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Init;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.Sgd;
import io.fluentdl.train.History;
import io.fluentdl.train.Metric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Scripted metric sequences: exactly when training stops; and one real fit that restores the best weights. */
class EarlyStoppingTest {

    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping stop = EarlyStopping.monitor(Metric.VAL_LOSS).patience(2);
        List<Double> seen = new ScriptedControl(0.1).run(stop, 1.0, 0.8, 0.85, 0.9, 0.7, 0.6);
        assertEquals(4, seen.size());
        assertEquals(4, stop.stoppedEpoch());
        assertEquals(2, stop.bestEpoch());
        assertEquals(0.8, stop.bestValue());
    }

    @Test
    void patienceZeroStopsAtTheFirstEpochWithoutImprovementButNeverTheFirst() {
        EarlyStopping stop = EarlyStopping.monitor(Metric.VAL_LOSS);
        assertEquals(3, new ScriptedControl(0.1).run(stop, 1.0, 0.9, 0.95, 0.5).size());
        assertEquals(3, stop.stoppedEpoch());

        EarlyStopping nan = EarlyStopping.monitor(Metric.VAL_LOSS);
        assertEquals(3, new ScriptedControl(0.1).run(nan, Double.NaN, 1.0, 1.0, 0.5).size());
        assertEquals(3, nan.stoppedEpoch());
        assertEquals(2, nan.bestEpoch());
    }

    @Test
    void improvementsSmallerThanMinDeltaDoNotCount() {
        double[] losses = {1.0, 0.97, 0.94, 0.92, 0.91, 0.90};
        EarlyStopping coarse = EarlyStopping.monitor(Metric.VAL_LOSS).patience(2).minDelta(0.05);
        assertEquals(5, new ScriptedControl(0.1).run(coarse, losses).size());
        assertEquals(3, coarse.bestEpoch());       // 0.94 < 1.0 − 0.05; 0.97 was not enough

        EarlyStopping exact = EarlyStopping.monitor(Metric.VAL_LOSS).patience(2);
        assertEquals(6, new ScriptedControl(0.1).run(exact, losses).size());
        assertEquals(0, exact.stoppedEpoch());
    }

    @Test
    void nanNeverImproves() {
        EarlyStopping stop = EarlyStopping.monitor(Metric.VAL_LOSS).patience(2);
        assertEquals(3, new ScriptedControl(0.1).run(stop, 1.0, Double.NaN, Double.NaN, 0.5).size());
        assertEquals(1, stop.bestEpoch());
    }

    @Test
    void accuracyIsMaximisedUnderAuto() {
        EarlyStopping stop = EarlyStopping.monitor(Metric.VAL_ACCURACY).patience(1);
        ScriptedControl control = new ScriptedControl(0.1);
        stop.onTrainBegin(control);
        double[] accuracy = {0.5, 0.6, 0.55, 0.9};
        for (int i = 0; i < accuracy.length && !control.stopRequested(); i++) {
            stop.onEpochEnd(i + 1, ScriptedControl.valAccuracy(i + 1, accuracy[i]), control);
        }
        assertEquals(3, stop.stoppedEpoch());
        assertEquals(2, stop.bestEpoch());
    }

    @Test
    void aNewFitStartsFresh() {
        EarlyStopping stop = EarlyStopping.monitor(Metric.VAL_LOSS).patience(1);
        new ScriptedControl(0.1).run(stop, 1.0, 2.0);
        assertEquals(2, stop.stoppedEpoch());
        new ScriptedControl(0.1).run(stop, 5.0, 4.0, 3.0);
        assertEquals(0, stop.stoppedEpoch());
        assertEquals(3, stop.bestEpoch());
    }

    @Test
    void restoresTheWeightsAndUpdaterStateOfTheBestEpoch() {
        Dataset circles = Circles.dataset(400, 0.1, 1);
        Dataset train = circles.slice(0, 40);      // few points and a large step: the validation loss soon rises
        Dataset validation = circles.slice(200, 400);
        Model model = Model.of(Sequential.named("overfit")
                .input(2)
                .dense(64, Activation.RELU, Init.HE_UNIFORM)
                .dense(64, Activation.RELU, Init.HE_UNIFORM)
                .output(1, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY)
                .optimizer(Sgd.of(0.3).momentum(0.9))
                .seed(3)
                .build());
        List<INDArray> params = new ArrayList<>();
        List<INDArray> states = new ArrayList<>();
        Callback recorder = Callback.atEpochEnd(m -> {
            params.add(model.network().params().dup());
            states.add(model.network().getUpdater().getStateViewArray().dup());
        });
        EarlyStopping stop = EarlyStopping.monitor(Metric.VAL_LOSS).patience(5).restoreBestWeights(true);

        History h = model.fit(train, 200, 8, validation, recorder, stop);

        int best = stop.bestEpoch();
        assertTrue(h.stopped(), "the validation loss should stop improving");
        assertEquals(best + 5, stop.stoppedEpoch());
        assertEquals(stop.stoppedEpoch(), h.epochs().size());
        assertEquals(params.get(best - 1), model.network().params());
        assertEquals(states.get(best - 1), model.network().getUpdater().getStateViewArray());
        assertNotEquals(params.get(h.epochs().size() - 1), model.network().params());
        assertEquals(stop.bestValue(), model.evaluate(validation).loss(), 1e-9);
    }
}
