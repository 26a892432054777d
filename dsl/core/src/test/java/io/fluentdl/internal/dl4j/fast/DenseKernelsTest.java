package io.fluentdl.internal.dl4j.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.layers.BnPlacement;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** FastDense's Java bias + ReLU and ReLU derivative give the bits of DL4J's libnd4j ops. */
class DenseKernelsTest {

    @Test
    void biasReluAndItsDerivativeMatchLibnd4jBitForBit() {
        Layer dense = Model.of(FastEngineTest.mlp(BnPlacement.NONE)).network().getLayer(0); // 20 -> 16, ReLU
        assertInstanceOf(FastDense.class, dense);
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, 32, 20);
        x.getRow(3).assign(0); // a row whose pre-activations are the bias alone
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, 32, 16);
        INDArray w = dense.getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray b = dense.getParam(DefaultParamInitializer.BIAS_KEY);
        b.putScalar(2, 0f); // and a unit whose output is exactly 0 there: the derivative's edge

        INDArray z = Nd4j.gemm(x, w, Nd4j.create(DataType.FLOAT, 32, 16), false, false, 1.0, 0.0).addiRowVector(b);
        INDArray expected = new ActivationReLU().getActivation(z.dup(), true);
        INDArray expectedDelta = new ActivationReLU().backprop(expected.dup(), epsilon.dup()).getFirst();
        INDArray expectedBiasGrad = expectedDelta.sum(0);

        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        dense.setInput(x, mgr);
        INDArray out = dense.activate(true, mgr).dup();
        Pair<Gradient, INDArray> bp = dense.backpropGradient(epsilon, mgr);
        assertEquals(0.0, out.sub(expected).amaxNumber().doubleValue(), "output");
        assertTrue(out.getRow(3).getDouble(2) == 0.0 && expectedDelta.getDouble(3, 2) == 0.0, "a zero output passes no gradient");
        INDArray biasGrad = bp.getFirst().getGradientFor(DefaultParamInitializer.BIAS_KEY);
        assertEquals(0.0, biasGrad.reshape(16).sub(expectedBiasGrad.reshape(16)).amaxNumber().doubleValue(), "bias gradient");
    }
}
