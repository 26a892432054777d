package io.fluentdl.internal.dl4j.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** Softmax with cross-entropy in Java against hand-computed values and against DL4J's LossMCXENT. */
class OutputKernelsTest {

    @Test
    void scoreAndGradientComputedByHand() {
        // logits (0.5, 1.5, 2.5) + bias (0.5, 0.5, 0.5) = (1, 2, 3): softmax = e^(z-3) / (e^-2 + e^-1 + 1)
        float[] z = {0.5f, 1.5f, 2.5f, 0f, 100f, 0f};
        float[] bias = {0.5f, 0.5f, 0.5f};
        float[] y = {0, 0, 1, 1, 0, 0};
        double sum = Math.exp(-2) + Math.exp(-1) + 1;
        double[] p = {Math.exp(-2) / sum, Math.exp(-1) / sum, 1 / sum};
        double score = OutputKernels.softmaxCrossEntropy(z, bias, y, 2, 3, 1e-10f);
        // row 2: p(class 0) = e^-100.5 / (1 + 2e^-100.5) underflows below the clip, so it scores -log(1e-10) = 23.02585
        assertEquals(-Math.log(p[2]) + -Math.log(1e-10), score, 1e-5);
        assertArrayEquals(new float[] {(float) p[0], (float) p[1], (float) (p[2] - 1), -1f, 1f, 0f}, z, 1e-6f);
    }

    @Test
    void matchesDl4jsLossOnRandomLogits() {
        Nd4j.getRandom().setSeed(9);
        INDArray logits = Nd4j.randn(DataType.FLOAT, 64, 10).muli(4);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 64, 10);
        for (int i = 0; i < 64; i++) {
            labels.putScalar(i, (i * 3) % 10, 1f);
        }
        LossMCXENT loss = new LossMCXENT();
        double expectedScore = loss.computeScore(labels, logits.dup(), new ActivationSoftmax(), null, false);
        INDArray expectedGradient = loss.computeGradient(labels, logits.dup(), new ActivationSoftmax(), null);

        float[] z = logits.dup().data().asFloat();
        double score = OutputKernels.softmaxCrossEntropy(z, null, labels.data().asFloat(), 64, 10, (float) loss.getSoftmaxClipEps());
        assertEquals(expectedScore, score, 1e-6 * Math.abs(expectedScore));
        assertEquals(0.0, Nd4j.createFromArray(z).reshape(64, 10).sub(expectedGradient).amaxNumber().doubleValue(), 1e-6);
    }
}
