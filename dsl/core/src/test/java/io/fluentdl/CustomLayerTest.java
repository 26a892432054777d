package io.fluentdl;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.data.Dataset;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.graph.Input;
import io.fluentdl.graph.Layers;
import io.fluentdl.graph.Node;
import io.fluentdl.layers.CustomLayer;
import io.fluentdl.nn.Init;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.Sgd;
import io.fluentdl.report.ParamCount;
import java.nio.file.Path;
import java.util.Random;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.misc.ElementWiseMultiplicationLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A user's own DL4J layer configuration ({@code Model.layer}) in a Sequential stack and in a graph. */
class CustomLayerTest {

    /** The DL4J configuration FluentDL makes for dense(8, RELU), written by hand as a user would. */
    private static DenseLayer handWrittenDense() {
        return new DenseLayer.Builder().nOut(8).activation(Activation.RELU)
                .weightInit(WeightInit.XAVIER_UNIFORM).biasInit(0.0).hasBias(true).build();
    }

    @Test
    void customDenseConfigTranslatesAsOurDense() {
        ModelSpec ours = Sequential.named("m").input(4)
                .dense(8, RELU, Init.KERAS_DEFAULT, d -> d.name("mine"))
                .output(1, SIGMOID, Loss.BINARY_CROSSENTROPY)
                .optimizer(Sgd.of(0.1)).seed(1).build();
        ModelSpec custom = Sequential.named("m").input(4)
                .layer(Model.layer("mine", handWrittenDense()))
                .output(1, SIGMOID, Loss.BINARY_CROSSENTROPY)
                .optimizer(Sgd.of(0.1)).seed(1).build();

        assertEquals(Model.configuration(ours).toJson(), Model.configuration(custom).toJson());
        assertEquals(ours.params(), custom.params()); // 4·8 + 8 = 40, + 9
        assertTrue(custom.summary().matches("(?s).*mine \\(DenseLayer\\)\\s+\\(None, 8\\)\\s+40\\s+DenseLayer.*"), custom.summary());
    }

    @Test
    void specWithACustomLayerRoundTripsThroughJson() {
        ModelSpec custom = Sequential.named("m").input(4).layer(Model.layer("mine", handWrittenDense()))
                .output(1, SIGMOID, Loss.BINARY_CROSSENTROPY).build();

        assertEquals(custom, ModelSpec.fromJson(custom.toJson()));
    }

    /** A DL4J layer FluentDL does not wrap, in a residual graph: x + x ⊙ w + b, trained, saved and loaded. */
    @Test
    void unwrappedDl4jLayerTrainsInAGraphAndLoads(@TempDir Path dir) {
        CustomLayer scale = Model.layer("scale", new ElementWiseMultiplicationLayer.Builder().nOut(8)
                .activation(Activation.IDENTITY).build());
        Node x = Input.of("x", 8);
        Node y = Layers.output(1, SIGMOID, Loss.BINARY_CROSSENTROPY).apply(Layers.add(x, Layers.layer(scale).apply(x)));
        GraphSpec spec = Functional.model("scaled", x, y).optimizer(Adam.of(0.05)).seed(2).build();

        // ElementWiseMultiplicationLayer: a weight and a bias per unit (8 + 8); output 8·1 + 1
        assertEquals(new ParamCount(25, 25, 0), spec.params());
        Dataset data = positiveSum(200);
        Model model = Model.of(spec).verbose(0);
        io.fluentdl.train.History h = model.fit(data, 20, 20);
        assertTrue(h.last().trainAccuracy() >= 0.9, h::toString);
        model.save(dir.resolve("scaled.zip"));
        INDArray features = Model.features(data);
        assertEquals(model.predict(features), Model.load(dir.resolve("scaled.zip")).predict(features));
    }

    @Test
    void nullConfigIsOneLine() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Model.layer("mine", null));
        assertEquals("Model.layer('mine'): the DL4J layer configuration must not be null. "
                + "Pass e.g. new DenseLayer.Builder().nOut(64).build().", e.getMessage());
    }

    private static Dataset positiveSum(int n) {
        Random random = new Random(4);
        double[][] x = new double[n][8];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < 8; j++) {
                x[i][j] = random.nextGaussian();
                sum += x[i][j];
            }
            y[i][0] = sum > 0 ? 1 : 0;
        }
        return Dataset.of(x, y);
    }
}
