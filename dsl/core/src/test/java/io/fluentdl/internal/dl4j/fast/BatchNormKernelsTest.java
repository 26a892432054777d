package io.fluentdl.internal.dl4j.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.layers.BnPlacement;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * FastBatchNorm's Java passes against its libnd4j ops (the path a strided input still takes): the batch statistics
 * sum in another order, so the two agree to float rounding (a few ulps), not bit for bit.
 */
class BatchNormKernelsTest {

    @Test
    void javaPathMatchesTheLibnd4jPathToFloatRounding() {
        Layer bn = Model.of(FastEngineTest.mlp(BnPlacement.BEFORE_ACTIVATION)).network().getLayer(1);
        assertInstanceOf(FastBatchNorm.class, bn);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 24, 16).muli(3).addi(1);
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, 24, 16);
        // the same values, every other column of a wider array: not contiguous, so libnd4j's ops run
        INDArray strided = Nd4j.create(DataType.FLOAT, 24, 32).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 32)).assign(x);
        assertTrue(NativeFloats.contiguous(x));
        assertFalse(NativeFloats.contiguous(strided));

        Pair<INDArray, Pair<Gradient, INDArray>> java = forwardBackward(bn, x, epsilon);
        Pair<INDArray, Pair<Gradient, INDArray>> nd4j = forwardBackward(bn, strided, epsilon);
        assertClose(java.getFirst(), nd4j.getFirst(), "output");
        assertClose(java.getSecond().getSecond(), nd4j.getSecond().getSecond(), "input gradient");
        for (String key : new String[] {BatchNormalizationParamInitializer.GAMMA, BatchNormalizationParamInitializer.BETA,
                BatchNormalizationParamInitializer.GLOBAL_MEAN, BatchNormalizationParamInitializer.GLOBAL_VAR}) {
            INDArray a = java.getSecond().getFirst().getGradientFor(key);
            INDArray b = nd4j.getSecond().getFirst().getGradientFor(key);
            assertClose(a, b, key);
            assertTrue(a.amaxNumber().doubleValue() > 0, key + " is not all zeros");
        }
    }

    /** Equal within 1e-5 of the larger magnitude (float rounding of sums of 24 terms), and not both zero. */
    private static void assertClose(INDArray a, INDArray b, String what) {
        double scale = Math.max(a.amaxNumber().doubleValue(), b.amaxNumber().doubleValue());
        assertTrue(scale > 0, what + " is all zeros");
        assertEquals(0.0, a.sub(b).amaxNumber().doubleValue() / scale, 1e-5, what);
    }

    /** Output and (gradients, input gradient) of one training step of {@code layer}, the gradients copied out of its views. */
    private static Pair<INDArray, Pair<Gradient, INDArray>> forwardBackward(Layer layer, INDArray x, INDArray epsilon) {
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(x, mgr);
        INDArray out = layer.activate(true, mgr).dup();
        Pair<Gradient, INDArray> bp = layer.backpropGradient(epsilon, mgr);
        Gradient copy = new org.deeplearning4j.nn.gradient.DefaultGradient();
        bp.getFirst().gradientForVariable().forEach((k, v) -> copy.setGradientFor(k, v.dup()));
        return new Pair<>(out, new Pair<>(copy, bp.getSecond().dup()));
    }
}
