package io.fluentdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.Sgd;
import io.fluentdl.train.TrainMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measuring a model between epochs must not change how it trains. It did: the evaluation called
 * DL4J's {@code MultiLayerNetwork.clear()}, which also drops the network's Solver and with it the
 * updater's state, so momentum and Adam's moments restarted from zero every epoch (the case study's
 * no-BN model reached 80% test accuracy at epoch ~44 instead of ~24).
 */
class EvaluationLeavesTrainingAloneTest {

    private static final Dataset CIRCLES = Circles.dataset(400, 0.1, 1);
    private static final Dataset TRAIN = CIRCLES.slice(0, 200);
    private static final Dataset TEST = CIRCLES.slice(200, 400);

    @Test
    void theFullPassEvaluationBetweenEpochsLeavesTheWeightsAsWithoutIt() {
        for (ModelSpec spec : List.of(Specs.caseStudy(BnPlacement.NONE),
                Specs.caseStudy(BnPlacement.AFTER_ACTIVATION).toBuilder().optimizer(Adam.of(0.01)).build())) {
            Model evaluated = Model.of(spec); // FULL_PASS: evaluates train and test after every epoch
            evaluated.fit(TRAIN, 5, 16, TEST);
            Model notEvaluated = Model.of(spec).trainMetrics(TrainMetrics.RUNNING); // never calls the evaluator
            notEvaluated.fit(TRAIN, 5, 16);
            assertEquals(notEvaluated.network().params(), evaluated.network().params(), spec.optimizer().toString());
            assertEquals(notEvaluated.network().getUpdater().getStateViewArray(),
                    evaluated.network().getUpdater().getStateViewArray(), "updater state, " + spec.optimizer());
        }
    }

    @Test
    void modelFitTrainsExactlyAsDl4jsOwnLoopOverTheSameBatches() {
        // everything fit adds around DL4J (evaluation of train and test, listeners, reused gather
        // buffers and batch views) must leave training as DL4J alone would do it
        ModelSpec spec = Specs.caseStudy(BnPlacement.AFTER_ACTIVATION);
        Model model = Model.of(spec);
        model.fit(TRAIN, 3, 16, TEST);
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork raw =
                new org.deeplearning4j.nn.multilayer.MultiLayerNetwork(Model.of(spec).network().getLayerWiseConfigurations().clone());
        raw.init();
        for (int epoch = 0; epoch < 3; epoch++) {
            io.fluentdl.internal.dl4j.BatchIterator order = io.fluentdl.internal.dl4j.BatchIterator.shuffled(io.fluentdl.internal.dl4j.DataAccess.arrays(TRAIN), 16, spec.seed());
            order.startEpoch(epoch);
            List<org.nd4j.linalg.dataset.DataSet> copies = new java.util.ArrayList<>();
            while (order.hasNext()) {
                org.nd4j.linalg.dataset.DataSet b = order.next();
                copies.add(new org.nd4j.linalg.dataset.DataSet(b.getFeatures().dup(), b.getLabels().dup()));
            }
            raw.fit(new org.deeplearning4j.datasets.iterator.ExistingDataSetIterator(copies));
        }
        assertEquals(raw.params(), model.network().params());
        assertEquals(raw.getUpdater().getStateViewArray(), model.network().getUpdater().getStateViewArray());
    }

    @Test
    void evaluateKeepsTheMomentumStateADl4jClearWouldDrop() {
        Model model = Model.of(Specs.caseStudy(BnPlacement.NONE).toBuilder().optimizer(Sgd.of(0.01).momentum(0.9)).build());
        model.trainMetrics(TrainMetrics.RUNNING).fit(TRAIN, 1, 16);
        INDArray velocity = model.network().getUpdater().getStateViewArray().dup();
        assertNotEquals(0.0, velocity.norm2Number().doubleValue(), "momentum has a velocity after an epoch");
        model.evaluate(TEST);
        assertEquals(velocity, model.network().getUpdater().getStateViewArray());
        // the DL4J surprise this pins: clear() forgets the solver, a new one starts from a zero velocity
        model.network().clear();
        assertEquals(0.0, model.network().getUpdater().getStateViewArray().norm2Number().doubleValue(), 0.0);
    }
}
