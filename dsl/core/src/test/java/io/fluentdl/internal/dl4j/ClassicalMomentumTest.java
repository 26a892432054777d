package io.fluentdl.internal.dl4j;

import io.fluentdl.Translate;
import static io.fluentdl.nn.Activation.IDENTITY;
import static io.fluentdl.nn.Loss.MSE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.nn.Init;
import io.fluentdl.optim.Sgd;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/** Classical momentum: v ← φ·v − lr·g, θ ← θ + v (DL4J has only Nesterov). */
class ClassicalMomentumTest {

    private static final double LR = 0.1;
    private static final double PHI = 0.9;

    @Test
    void updaterFollowsTheHeavyBallFormulaForThreeSteps() {
        ClassicalMomentum config = new ClassicalMomentum(LR, null, PHI, null);
        GradientUpdater<?> updater = config.instantiate(Nd4j.zeros(DataType.DOUBLE, 1, 2), true);
        double[][] gradients = {{1.0, -2.0}, {0.5, 0.5}, {-1.0, 3.0}};
        double[] theta = {1.0, 1.0};
        double[] v = {0, 0};
        INDArray params = Nd4j.createFromArray(theta.clone()).reshape(1, 2);
        for (double[] g : gradients) {
            INDArray grad = Nd4j.createFromArray(g.clone()).reshape(1, 2);
            updater.applyUpdater(grad, 0, 0);
            params.subi(grad);                          // what DL4J does with the update
            for (int k = 0; k < 2; k++) {
                v[k] = PHI * v[k] - LR * g[k];          // by hand
                theta[k] = theta[k] + v[k];
            }
        }
        // v1 = (-0.1, 0.2); v2 = (-0.14, 0.13); v3 = (-0.026, -0.183) → θ3 = (0.734, 1.147)
        assertArrayEquals(new double[]{0.734, 1.147}, theta, 1e-12);
        assertArrayEquals(theta, params.toDoubleVector(), 1e-12);
    }

    @Test
    void networkTrainedWithClassicalMomentumMatchesHandStepsOnItsOwnGradients() {
        ModelSpec spec = Sequential.named("linear").input(3)
                .output(2, IDENTITY, MSE, Init.uniform(-0.5, 0.5), d -> d)
                .optimizer(Sgd.of(LR).momentum(PHI))
                .seed(3)
                .build();
        MultiLayerNetwork trained = Model.of(spec).network();
        MultiLayerNetwork byHand = trained.clone();
        // batch of one example: DL4J divides gradients by the batch size, which is then 1
        INDArray x = Nd4j.createFromArray(new float[][]{{0.5f, -1.0f, 2.0f}});
        INDArray y = Nd4j.createFromArray(new float[][]{{1.0f, -1.0f}});

        INDArray velocity = Nd4j.zeros(DataType.FLOAT, trained.params().shape());
        for (int step = 0; step < 3; step++) {
            byHand.setInput(x);
            byHand.setLabels(y);
            byHand.computeGradientAndScore();
            INDArray g = byHand.gradient().gradient().dup();
            velocity.muli(PHI).subi(g.mul(LR));
            byHand.setParams(byHand.params().add(velocity));
            trained.fit(x, y);
        }
        assertArrayEquals(byHand.params().toFloatVector(), trained.params().toFloatVector(), 1e-6f);
    }

    @Test
    void survivesDl4jJsonRoundTrip() {
        ModelSpec spec = Sequential.named("linear").input(3).output(2, IDENTITY, MSE)
                .optimizer(Sgd.of(0.05).momentum(0.8)).build();
        MultiLayerConfiguration conf = ModelTranslator.translate(Translate.stack(spec)).configuration();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        assertEquals(new ClassicalMomentum(0.05, null, 0.8, null),
                ((org.deeplearning4j.nn.conf.layers.BaseLayer) back.getConf(0).getLayer()).getIUpdater());
    }
}
