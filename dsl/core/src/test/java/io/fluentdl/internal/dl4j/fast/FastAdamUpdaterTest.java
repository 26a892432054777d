package io.fluentdl.internal.dl4j.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.layers.BnPlacement;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

class FastAdamUpdaterTest {

    @Test
    void firstStepByHand() {
        // t = 1: m = 0.1 g, v = 0.001 g², alpha = lr·√(1−0.999)/(1−0.9), update = m·alpha/(√v + eps)
        FastAdamUpdater adam = new FastAdamUpdater(new Adam(0.01, 0.9, 0.999, 1e-7));
        adam.setStateViewArray(Nd4j.zeros(DataType.FLOAT, 1, 4), new long[] {1, 2}, 'c', true);
        INDArray g = Nd4j.createFromArray(new float[] {0.5f, -2f}).reshape(1, 2);
        adam.applyUpdater(g, 0, 0);
        double alpha = 0.01 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        for (int i = 0; i < 2; i++) {
            double gi = i == 0 ? 0.5 : -2;
            double expected = 0.1 * gi * alpha / (Math.sqrt(0.001 * gi * gi) + 1e-7);
            assertEquals(expected, g.getDouble(0, i), 1e-7);
            assertEquals(0.1 * gi, adam.getM().getDouble(0, i), 1e-7);
            // 1 - 0.999f is 0.00099998713 in float, as in libnd4j
            assertEquals(0.001 * gi * gi, adam.getV().getDouble(0, i), 2e-5 * 0.001 * gi * gi);
        }
    }

    @Test
    void matchesLibnd4jsAdamUpdaterOverManySteps() {
        int n = 10_001;
        Adam config = new Adam(3e-3, 0.9, 0.999, 1e-7);
        AdamUpdater dl4j = new AdamUpdater(config);
        FastAdamUpdater fast = new FastAdamUpdater(config);
        dl4j.setStateViewArray(Nd4j.zeros(DataType.FLOAT, 1, 2L * n), new long[] {1, n}, 'c', true);
        fast.setStateViewArray(Nd4j.zeros(DataType.FLOAT, 1, 2L * n), new long[] {1, n}, 'c', true);
        Nd4j.getRandom().setSeed(7);
        for (int step = 0; step < 25; step++) {
            INDArray g = Nd4j.rand(DataType.FLOAT, 1, n).subi(0.5).muli(step % 2 == 0 ? 1 : 1e-3);
            INDArray ours = g.dup();
            dl4j.applyUpdater(g, step, 0);
            fast.applyUpdater(ours, step, 0);
            // the same float arithmetic, up to a last bit where libnd4j's compiler fuses a multiply-add
            double worst = Math.max(relative(g, ours), Math.max(relative(dl4j.getM(), fast.getM()), relative(dl4j.getV(), fast.getV())));
            assertTrue(worst < 1e-6, "step " + step + ": relative difference " + worst);
        }
    }

    private static double relative(INDArray a, INDArray b) {
        return a.sub(b).norm2Number().doubleValue() / Math.max(1e-30, a.norm2Number().doubleValue());
    }

    @Test
    void theEngineInstallsItForAdamAndTheModelTrainsOnTheSameArrays() {
        ModelSpec spec = FastEngineTest.mlp(BnPlacement.NONE); // Adam
        Model model = Model.of(spec);
        SameViewUpdater updater = (SameViewUpdater) model.network().getUpdater(false);
        assertInstanceOf(FastAdamUpdater.class, updater.getUpdaterBlocks().get(0).getGradientUpdater());
        FastAdamUpdater adam = (FastAdamUpdater) updater.getUpdaterBlocks().get(0).getGradientUpdater();
        model.fit(FastEngineTest.data(spec, 64), 1, 16);
        // the moments it wrote are the updater state DL4J saves
        INDArray state = updater.getStateViewArray();
        assertTrue(adam.getM().amaxNumber().doubleValue() > 0);
        assertEquals(state.length(), adam.getM().length() + adam.getV().length());
    }
}
