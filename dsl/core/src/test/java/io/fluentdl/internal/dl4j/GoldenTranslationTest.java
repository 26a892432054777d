package io.fluentdl.internal.dl4j;

import io.fluentdl.Translate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fluentdl.ModelSpec;
import io.fluentdl.Specs;
import io.fluentdl.layers.BnPlacement;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The DSL's DL4J configuration equals one written by hand with DL4J's builders. */
class GoldenTranslationTest {

    private static NeuralNetConfiguration.ListBuilder caseStudyBase() {
        return new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .updater(new ClassicalMomentum(0.01, null, 0.9, null))
                .list();
    }

    private static BatchNormalization kerasBatchNorm(String name) {
        return new BatchNormalization.Builder().name(name).nOut(50)
                .decay(0.99).eps(1e-3).lockGammaBeta(false).gamma(1.0).beta(0.0).useLogStd(false).build();
    }

    private static OutputLayer sigmoidOutput() {
        return new OutputLayer.Builder(LossFunction.XENT).name("output_1").nOut(1).activation(Activation.SIGMOID)
                .weightInit(WeightInit.XAVIER_UNIFORM).biasInit(0.0).hasBias(true).build();
    }

    @Test
    void beforeActivationIsLinearDenseThenBatchNormThenRelu() {
        MultiLayerConfiguration expected = caseStudyBase()
                .layer(new DenseLayer.Builder().name("dense_1").nOut(50).activation(Activation.IDENTITY)
                        .weightInit(WeightInit.RELU_UNIFORM).biasInit(0.0).hasBias(false).build())
                .layer(kerasBatchNorm("batch_norm_1"))
                .layer(new ActivationLayer.Builder().name("batch_norm_1_activation").activation(Activation.RELU).build())
                .layer(sigmoidOutput())
                .setInputType(InputType.feedForward(2))
                .build();

        ModelSpec spec = Specs.caseStudy(BnPlacement.BEFORE_ACTIVATION);

        assertEquals(expected.toJson(), ModelTranslator.translate(Translate.stack(spec)).configuration().toJson());
    }

    @Test
    void afterActivationIsReluDenseThenBatchNorm() {
        MultiLayerConfiguration expected = caseStudyBase()
                .layer(new DenseLayer.Builder().name("dense_1").nOut(50).activation(Activation.RELU)
                        .weightInit(WeightInit.RELU_UNIFORM).biasInit(0.0).hasBias(true).build())
                .layer(kerasBatchNorm("batch_norm_1"))
                .layer(sigmoidOutput())
                .setInputType(InputType.feedForward(2))
                .build();

        ModelSpec spec = Specs.caseStudy(BnPlacement.AFTER_ACTIVATION);

        assertEquals(expected.toJson(), ModelTranslator.translate(Translate.stack(spec)).configuration().toJson());
    }

    @Test
    void noneHasNoBatchNorm() {
        MultiLayerConfiguration expected = caseStudyBase()
                .layer(new DenseLayer.Builder().name("dense_1").nOut(50).activation(Activation.RELU)
                        .weightInit(WeightInit.RELU_UNIFORM).biasInit(0.0).hasBias(true).build())
                .layer(sigmoidOutput())
                .setInputType(InputType.feedForward(2))
                .build();

        assertEquals(expected.toJson(),
                ModelTranslator.translate(Translate.stack(Specs.caseStudy(BnPlacement.NONE))).configuration().toJson());
    }

    @Test
    void mnistMlpWithDropoutAndAdamUsesKerasDefaults() {
        MultiLayerConfiguration expected = new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(DataType.FLOAT)
                .updater(Adam.builder().learningRate(1e-3).beta1(0.9).beta2(0.999).epsilon(1e-7).build())
                .list()
                .layer(new DenseLayer.Builder().name("dense_1").nOut(512).activation(Activation.RELU)
                        .weightInit(WeightInit.RELU_UNIFORM).biasInit(0.0).hasBias(true).build())
                .layer(new DropoutLayer.Builder(0.8).name("dropout_1").build())   // Keras rate 0.2 = DL4J retain 0.8
                .layer(new DenseLayer.Builder().name("dense_2").nOut(256).activation(Activation.RELU)
                        .weightInit(WeightInit.RELU_UNIFORM).biasInit(0.0).hasBias(true).build())
                .layer(new DropoutLayer.Builder(0.8).name("dropout_2").build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("output_1").nOut(10)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER_UNIFORM).biasInit(0.0).hasBias(true).build())
                .setInputType(InputType.feedForward(784))
                .build();

        assertEquals(expected.toJson(), ModelTranslator.translate(Translate.stack(Specs.mnistMlp())).configuration().toJson());
    }
}
