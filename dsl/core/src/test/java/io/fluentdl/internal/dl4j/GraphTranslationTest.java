package io.fluentdl.internal.dl4j;

import static io.fluentdl.nn.Activation.IDENTITY;
import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fluentdl.Functional;
import io.fluentdl.GraphSpec;
import io.fluentdl.Translate;
import io.fluentdl.graph.Input;
import io.fluentdl.graph.Layers;
import io.fluentdl.graph.Node;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.Sgd;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** A functional spec's DL4J graph equals one written by hand with DL4J's GraphBuilder. */
class GraphTranslationTest {

    private static ComputationGraphConfiguration.GraphBuilder base() {
        return new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .updater(org.nd4j.linalg.learning.config.Sgd.builder().learningRate(0.1).build())
                .graphBuilder();
    }

    private static DenseLayer dense(String name, int units, Activation activation, boolean bias) {
        return new DenseLayer.Builder().name(name).nOut(units).activation(activation)
                .weightInit(WeightInit.XAVIER_UNIFORM).biasInit(0.0).hasBias(bias).build();
    }

    private static OutputLayer sigmoid(String name) {
        return new OutputLayer.Builder(LossFunction.XENT).name(name).nOut(1).activation(Activation.SIGMOID)
                .weightInit(WeightInit.XAVIER_UNIFORM).biasInit(0.0).hasBias(true).build();
    }

    static GraphSpec residual() {
        Node x = Input.of("x", 8);
        Node h = Layers.dense(8, RELU).apply(x);
        Node sum = Layers.add(x, Layers.dense(8, IDENTITY).apply(h));
        Node y = Layers.output(1, SIGMOID, Loss.BINARY_CROSSENTROPY).apply(sum);
        return Functional.model("residual", x, y).optimizer(Sgd.of(0.1)).seed(1).build();
    }

    @Test
    void residualBlockIsTwoDenseLayersAndAnAddVertex() {
        ComputationGraphConfiguration expected = base()
                .addInputs("x")
                .setInputTypes(InputType.feedForward(8))
                .addLayer("dense_1", dense("dense_1", 8, Activation.RELU, true), "x")
                .addLayer("dense_2", dense("dense_2", 8, Activation.IDENTITY, true), "dense_1")
                .addVertex("add_1", new ElementWiseVertex(ElementWiseVertex.Op.Add), "x", "dense_2")
                .addLayer("output_1", sigmoid("output_1"), "add_1")
                .setOutputs("output_1")
                .build();

        assertEquals(expected.toJson(), GraphTranslator.translate(Translate.graph(residual())).configuration().toJson());
    }

    @Test
    void beforeActivationMovesEachPairedDenseActivationBehindItsBatchNorm() {
        Node a = Input.of("a", 3);
        Node b = Input.of("b", 2);
        Node h = Layers.batchNorm().apply(Layers.dense(4, RELU).apply(a));
        Node merged = Layers.concatenate(h, b);
        Node y = Layers.output(3, SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY).apply(merged);
        GraphSpec spec = Functional.model("two-inputs", List.of(a, b), List.of(y)).optimizer(Sgd.of(0.1)).seed(1)
                .batchNormPlacement(BnPlacement.BEFORE_ACTIVATION).build();

        ComputationGraphConfiguration expected = base()
                .addInputs("a", "b")
                .setInputTypes(InputType.feedForward(3), InputType.feedForward(2))
                .addLayer("dense_1", dense("dense_1", 4, Activation.IDENTITY, false), "a")
                .addLayer("batch_norm_1", new BatchNormalization.Builder().name("batch_norm_1").nOut(4)
                        .decay(0.99).eps(1e-3).lockGammaBeta(false).gamma(1.0).beta(0.0).useLogStd(false).build(), "dense_1")
                .addLayer("batch_norm_1_activation", new ActivationLayer.Builder().name("batch_norm_1_activation")
                        .activation(Activation.RELU).build(), "batch_norm_1")
                .addVertex("concatenate_1", new MergeVertex(), "batch_norm_1_activation", "b")
                .addLayer("output_1", new OutputLayer.Builder(LossFunction.MCXENT).name("output_1").nOut(3)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER_UNIFORM).biasInit(0.0).hasBias(true).build(),
                        "concatenate_1")
                .setOutputs("output_1")
                .build();

        assertEquals(expected.toJson(), GraphTranslator.translate(Translate.graph(spec)).configuration().toJson());
    }
}
