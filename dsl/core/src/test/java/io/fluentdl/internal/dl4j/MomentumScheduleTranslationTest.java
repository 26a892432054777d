package io.fluentdl.internal.dl4j;

import io.fluentdl.Translate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Specs;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Momentum;
import io.fluentdl.optim.MomentumSchedule;
import io.fluentdl.optim.Optimizer;
import io.fluentdl.optim.Sgd;
import io.fluentdl.schedule.OneCycle;
import io.fluentdl.schedule.Period;
import io.fluentdl.schedule.Warmup;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/** The DL4J updater sees the scheduled momentum, at the iterations it trains, also after network JSON. */
class MomentumScheduleTranslationTest {

    private static final OneCycle CYCLE = OneCycle.max(0.1).over(Period.iterations(100));
    private static final long[] CHOSEN = {0, 10, 30, 65, 100, 150};

    private static IUpdater updaterOf(MultiLayerConfiguration conf, int layer) {
        return ((BaseLayer) conf.getConf(layer).getLayer()).getIUpdater();
    }

    private static MultiLayerConfiguration translatedThroughJson(Optimizer optimizer) {
        ModelSpec spec = Specs.caseStudy(BnPlacement.NONE).toBuilder().optimizer(optimizer).build();
        MultiLayerConfiguration conf = ModelTranslator.translate(Translate.stack(spec)).configuration();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        return back;
    }

    @Test
    void classicalOneCycleMomentumReachesOurUpdater() {
        for (int layer = 0; layer < 2; layer++) {
            ClassicalMomentum u = assertInstanceOf(ClassicalMomentum.class,
                    updaterOf(translatedThroughJson(Sgd.oneCycle(CYCLE)), layer));
            for (long t : CHOSEN) {
                assertEquals(CYCLE.momentumAt(t, 0), u.currentMomentum((int) t, 0), 0.0, "momentum at " + t);
                assertEquals(CYCLE.valueAt(t, 0), u.getLearningRate((int) t, 0), 0.0, "rate at " + t);
            }
            assertEquals(0.95, u.getMomentum());
        }
    }

    @Test
    void nesterovOneCycleMomentumReachesNesterovs() {
        Nesterovs u = assertInstanceOf(Nesterovs.class,
                updaterOf(translatedThroughJson(Sgd.oneCycle(CYCLE, Momentum.NESTEROV)), 1));
        for (long t : CHOSEN) {
            assertEquals(CYCLE.momentumAt(t, 0), u.currentMomentum((int) t, 0), 0.0, "momentum at " + t);
        }
        assertEquals(0.85, u.currentMomentum(30, 0), 1e-12);
    }

    @Test
    void anyScheduleSpecCanDriveMomentum() {
        Warmup rising = Warmup.linear(Period.iterations(10), 0.5).then(0.9);
        Nesterovs u = assertInstanceOf(Nesterovs.class,
                updaterOf(translatedThroughJson(Sgd.of(0.01).nesterov(MomentumSchedule.of(rising))), 0));
        assertEquals(0.5, u.currentMomentum(0, 0), 1e-12);
        assertEquals(0.7, u.currentMomentum(5, 0), 1e-12);
        assertEquals(0.9, u.currentMomentum(40, 3), 1e-12);
    }

    /**
     * Classical momentum's first step ignores φ (the velocity starts at 0); the second uses φ at iteration 1.
     * So a schedule worth 0.5 at iteration 1 must train exactly like a fixed 0.5 for two steps.
     */
    @Test
    void trainingUsesTheMomentumOfEachIteration() {
        Dataset batches = Circles.dataset(64, 0.1, 1);
        Warmup scheduled = Warmup.linear(Period.iterations(2), 0.1).then(0.9);   // 0.1, 0.5, 0.9, 0.9, ...
        INDArray withSchedule = twoSteps(Sgd.of(0.1).momentum(MomentumSchedule.of(scheduled)), batches);
        INDArray fixedHalf = twoSteps(Sgd.of(0.1).momentum(0.5), batches);
        INDArray fixedAtStart = twoSteps(Sgd.of(0.1).momentum(0.1), batches);

        assertEquals(0.0, withSchedule.sub(fixedHalf).norm2Number().doubleValue(), 1e-6);
        assertNotEquals(0.0, withSchedule.sub(fixedAtStart).norm2Number().doubleValue(), 1e-4);
    }

    private static INDArray twoSteps(Sgd sgd, Dataset data) {
        MultiLayerNetwork net = Model.of(Specs.caseStudy(BnPlacement.NONE).toBuilder().optimizer(sgd).build()).network();
        net.fit(new org.nd4j.linalg.dataset.DataSet(Model.features(data.slice(0, 32)), Model.labels(data.slice(0, 32))));
        net.fit(new org.nd4j.linalg.dataset.DataSet(Model.features(data.slice(32, 64)), Model.labels(data.slice(32, 64))));
        return net.params();
    }
}
