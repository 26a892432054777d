package io.fluentdl.internal.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fluentdl.Model;
import io.fluentdl.Specs;
import io.fluentdl.data.Circles;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Sgd;
import io.fluentdl.schedule.Period;
import io.fluentdl.schedule.StepDecay;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.IUpdater;

/** Why the LR range test copies through JSON: DL4J's clone() shares the updater configuration. */
class TrainingCopyTest {

    private static Model trained() {
        Model model = Model.of(Specs.caseStudy(BnPlacement.NONE).toBuilder()
                .optimizer(Sgd.of(StepDecay.of(0.1, 0.5, Period.epochs(1))).momentum(0.9)).build());
        model.fit(Circles.dataset(64, 0.1, 1), 1, 16);
        return model;
    }

    private static ClassicalMomentum updaterOf(MultiLayerNetwork net) {
        IUpdater u = ((BaseLayer) net.getLayer(0).conf().getLayer()).getIUpdater();
        return (ClassicalMomentum) u;
    }

    @Test
    void dl4jCloneSharesTheUpdaterSoSettingItsRateChangesTheOriginal() {
        MultiLayerNetwork original = trained().network();
        MultiLayerNetwork clone = original.clone();
        assertSame(updaterOf(original), updaterOf(clone));
        clone.setLearningRate(5.0);
        assertNull(updaterOf(original).getLearningRateSchedule(), "the original lost its schedule");
        assertEquals(5.0, updaterOf(original).getLearningRate());
    }

    @Test
    void ourCopyIsIndependentAndStartsWhereTheOriginalIs() {
        MultiLayerNetwork original = trained().network();
        MultiLayerNetwork copy = TrainingCopy.of(original);
        assertEquals(original.params(), copy.params());
        assertEquals(original.getUpdater().getStateViewArray(), copy.getUpdater().getStateViewArray());
        assertEquals(original.getIterationCount(), copy.getIterationCount());
        assertEquals(original.getEpochCount(), copy.getEpochCount());

        copy.setLearningRate(5.0);
        copy.fit(new org.nd4j.linalg.dataset.DataSet(Model.features(Circles.dataset(16, 0.1, 2)), Model.labels(Circles.dataset(16, 0.1, 2))));

        assertNotNull(updaterOf(original).getLearningRateSchedule(), "the original keeps its schedule");
        assertEquals(0.05, original.getLearningRate(0), 1e-12);
    }
}
