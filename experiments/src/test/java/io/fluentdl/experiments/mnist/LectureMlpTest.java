package io.fluentdl.experiments.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

/** The lecture's model: shape, init range, and weight decay that adds exactly 0.001·w to each gradient. */
class LectureMlpTest {

    @Test
    void weightDecayIsL2InTheGradientWithCoefficient0001OnEveryLayer() {
        MultiLayerNetwork net = Model.of(LectureMlp.spec("m", LectureMlp.sgd(0.9), false, 1)).network();
        assertEquals(4, net.getnLayers());
        for (int i = 0; i < net.getnLayers(); i++) {
            BaseLayer layer = (BaseLayer) net.getLayerWiseConfigurations().getConf(i).getLayer();
            List<Regularization> regularization = layer.getRegularization();
            assertEquals(1, regularization.size(), "layer " + i);
            // DL4J's L2Regularization adds coefficient·w to the gradient before the updater
            L2Regularization l2 = (L2Regularization) regularization.get(0);
            assertEquals(0.001, l2.getL2().valueAt(0, 0), 1e-15, "layer " + i);
            assertEquals(Regularization.ApplyStep.BEFORE_UPDATER, l2.applyStep());
            assertTrue(layer.getRegularizationBias() == null || layer.getRegularizationBias().isEmpty(), "no bias decay");
        }
    }

    @Test
    void weightsStartUniformInPlusMinus007() {
        MultiLayerNetwork net = Model.of(LectureMlp.spec("m", LectureMlp.sgd(0), false, 1)).network();
        double max = net.getLayer(0).getParam("W").amaxNumber().doubleValue();
        assertTrue(max <= 0.07 && max > 0.069, "max |w| = " + max);
    }

    @Test
    void hasTheLecturesShapeAndBnAddsOneBnPerHiddenLayer() {
        ModelSpec plain = LectureMlp.spec("m", LectureMlp.sgd(0.9), false, 1);
        assertEquals(784 * 512 + 512 + 2 * (512 * 512 + 512) + 512 * 10 + 10, plain.params().total());
        ModelSpec bn = LectureMlp.spec("m", LectureMlp.sgd(0.9), true, 1);
        assertEquals(plain.params().total() + 3 * 4 * 512, bn.params().total());
        assertEquals(3 * 2 * 512, bn.params().nonTrainable());
    }

    @Test
    void schedulesStartAtOrBelowTheLecturesRateAndOneCyclePeaksAt01() {
        for (MnistSchedules.Choice c : MnistSchedules.choices(30, 50)) {
            double first = c.rate().valueAt(0, 0);
            assertTrue(first <= 0.03 + 1e-12, c.name() + " starts at " + first);
        }
        MnistSchedules.Choice oneCycle = MnistSchedules.choices(30, 50).get(5);
        assertEquals(0.1, oneCycle.rate().valueAt((long) (0.3 * 1500), 9), 1e-9);
        MnistSchedules.Choice sgdr = MnistSchedules.choices(30, 50).get(4);
        assertEquals(0.03, sgdr.rate().valueAt(100, 2), 1e-12, "first restart after 2 epochs");
        assertEquals(0.03, sgdr.rate().valueAt(300, 6), 1e-12, "second restart after 6 epochs");
        // 20 epochs of 50: T_0 = 67, so no fifth cycle starts before the end (flooring gave 66 and a restart at 990)
        MnistSchedules.Choice short20 = MnistSchedules.choices(20, 50).get(4);
        for (int i = 900; i < 1000; i++) {
            assertTrue(short20.rate().valueAt(i, i / 50) < 0.003, "iteration " + i + ": " + short20.rate().valueAt(i, i / 50));
        }
    }
}
