package io.fluentdl.internal.dl4j;

import io.fluentdl.Sequential;
import io.fluentdl.ModelSpec;
import io.fluentdl.Model;
import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fluentdl.data.Dataset;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Adam;
import io.fluentdl.train.Evaluation;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The one-pass evaluation gives exactly what MultiLayerNetwork.score and output give. */
class EvaluatorTest {

    @ParameterizedTest
    @EnumSource(value = BnPlacement.class, names = {"NONE", "BEFORE_ACTIVATION"})
    void lossAndAccuracyEqualDl4jScoreAndOutput(BnPlacement placement) {
        ModelSpec spec = Sequential.named("eval").input(6)
                .dense(8, RELU, HE_UNIFORM, d -> d.l2(1e-3))
                .dropout(0.2)
                .output(3, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .batchNormPlacement(placement)
                .optimizer(Adam.of(1e-2)).seed(3).build();
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 50, 6);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 50, 3);
        for (int i = 0; i < 50; i++) {
            y.putScalar(i, i % 3, 1f);
        }
        Dataset data = Model.dataset(x, y);
        Model model = Model.of(spec);
        model.fit(data, 2, 16); // BN running statistics and weights away from their initial values
        MultiLayerNetwork net = model.network();
        double expectedLoss = net.score(new DataSet(x, y), false);
        long[] expectedPredictions = net.output(x, false).argMax(1).toLongVector();

        for (int chunk : new int[] {50, 16}) {
            Evaluation e = Evaluator.evaluate(net, io.fluentdl.internal.dl4j.DataAccess.arrays(data), chunk, io.fluentdl.train.OutputKind.CLASSIFICATION);
            if (chunk == 50) {
                assertEquals(expectedLoss, e.loss(), 0.0);
            } else {
                assertEquals(expectedLoss, e.loss(), 1e-6); // mean of chunk means: rounding only
            }
            long correct = 0;
            long[] actual = y.argMax(1).toLongVector();
            for (int i = 0; i < 50; i++) {
                correct += expectedPredictions[i] == actual[i] ? 1 : 0;
            }
            assertEquals(correct / 50.0, e.accuracy(), 0.0);
        }
        assertArrayEquals(expectedPredictions, net.output(x, false).argMax(1).toLongVector()); // state untouched
    }
}
