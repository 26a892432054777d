package io.fluentdl.layers;

import static io.fluentdl.nn.Activation.IDENTITY;
import static io.fluentdl.nn.Loss.MSE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.optim.Sgd;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Batch norm computes (z − μ)/√(σ² + ε)·γ + β: batch statistics in training, running averages at inference. */
class BatchNormForwardTest {

    private static final double EPS = 1e-3;
    private static final float[][] X = {{1, 10}, {2, 20}, {4, 30}, {9, 60}};
    private static final float[] GAMMA = {2.0f, 0.5f};
    private static final float[] BETA = {0.1f, -1.0f};

    private static MultiLayerNetwork inputBnNetwork(double momentum) {
        ModelSpec spec = Sequential.named("bn").input(2)
                .inputBatchNorm(b -> b.momentum(momentum).epsilon(EPS))
                .output(1, IDENTITY, MSE)
                .optimizer(Sgd.of(0.1))
                .build();
        MultiLayerNetwork net = Model.of(spec).network();
        Layer bn = net.getLayer(0);
        bn.setParam("gamma", Nd4j.createFromArray(new float[][]{GAMMA}));
        bn.setParam("beta", Nd4j.createFromArray(new float[][]{BETA}));
        return net;
    }

    @Test
    void trainingModeUsesBatchMeanAndBiasedVariance() {
        MultiLayerNetwork net = inputBnNetwork(0.99);
        INDArray out = net.feedForwardToLayer(0, Nd4j.createFromArray(X), true).get(1);

        float[][] expected = new float[4][2];
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            for (float[] row : X) {
                mean += row[j] / 4.0;
            }
            double var = 0; // biased (÷n), as Keras and the paper use in training
            for (float[] row : X) {
                var += (row[j] - mean) * (row[j] - mean) / 4.0;
            }
            for (int i = 0; i < 4; i++) {
                expected[i][j] = (float) ((X[i][j] - mean) / Math.sqrt(var + EPS) * GAMMA[j] + BETA[j]);
            }
        }
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(expected[i], out.getRow(i).toFloatVector(), 1e-4f);
        }
    }

    @Test
    void inferenceUsesRunningAverages() {
        MultiLayerNetwork net = inputBnNetwork(0.99);
        Layer bn = net.getLayer(0);
        float[] mean = {3.0f, 25.0f};
        float[] var = {4.0f, 100.0f};
        bn.setParam("mean", Nd4j.createFromArray(new float[][]{mean}));
        bn.setParam("var", Nd4j.createFromArray(new float[][]{var}));

        INDArray out = net.feedForwardToLayer(0, Nd4j.createFromArray(X), false).get(1);

        for (int i = 0; i < 4; i++) {
            float[] expected = new float[2];
            for (int j = 0; j < 2; j++) {
                expected[j] = (float) ((X[i][j] - mean[j]) / Math.sqrt(var[j] + EPS) * GAMMA[j] + BETA[j]);
            }
            assertArrayEquals(expected, out.getRow(i).toFloatVector(), 1e-4f);
        }
    }

    @Test
    void oneTrainingStepMovesRunningMeanByOneMinusMomentum() {
        MultiLayerNetwork net = inputBnNetwork(0.9);
        Layer bn = net.getLayer(0);
        bn.setParam("mean", Nd4j.createFromArray(new float[][]{{0f, 0f}}));
        net.fit(Nd4j.createFromArray(X), Nd4j.createFromArray(new float[][]{{0}, {1}, {0}, {1}}));

        // Keras semantics: avg ← momentum·avg + (1 − momentum)·batchMean; batch means are 4 and 30
        assertArrayEquals(new float[]{0.1f * 4f, 0.1f * 30f}, bn.getParam("mean").toFloatVector(), 1e-4f);
    }
}
