package io.fluentdl.internal.dl4j;

import io.fluentdl.Translate;
import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.layers.Padding;
import io.fluentdl.optim.Adam;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam.Builder;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Convolutional specs translate to the DL4J configuration one would write by hand, and DL4J's image quirks are pinned. */
class ConvTranslationTest {

    /** Keras' mnist_convnet, layer for layer. */
    static ModelSpec mnistConvnet() {
        return Sequential.named("mnist-convnet").input(28, 28, 1)
                .conv2d(32, 3, RELU).maxPool(2)
                .conv2d(64, 3, RELU).maxPool(2)
                .flatten().dropout(0.5)
                .output(10, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .optimizer(Adam.of(1e-3))
                .seed(1)
                .build();
    }

    private static ConvolutionLayer conv(String name, int filters) {
        return new ConvolutionLayer.Builder().kernelSize(3, 3).stride(1, 1).padding(0, 0)
                .convolutionMode(ConvolutionMode.Truncate).name(name).nOut(filters).activation(Activation.RELU)
                .weightInit(WeightInit.XAVIER_UNIFORM).biasInit(0.0).hasBias(true).l1(0).l2(0).build();
    }

    private static SubsamplingLayer maxPool(String name) {
        return new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).padding(0, 0)
                .convolutionMode(ConvolutionMode.Truncate).avgPoolIncludePadInDivisor(false).name(name).build();
    }

    @Test
    void mnistConvnetIsConvPoolConvPoolThenFlattenPreprocessorBeforeDropout() {
        MultiLayerConfiguration expected = new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .updater(new Builder().learningRate(1e-3).beta1(0.9).beta2(0.999).epsilon(1e-7).build())
                .list()
                .layer(conv("conv2d_1", 32))
                .layer(maxPool("max_pooling2d_1"))
                .layer(conv("conv2d_2", 64))
                .layer(maxPool("max_pooling2d_2"))
                .layer(new DropoutLayer.Builder(0.5).name("dropout_1").build())
                .inputPreProcessor(4, new CnnToFeedForwardPreProcessor(5, 5, 64))
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("output_1").nOut(10).activation(Activation.SOFTMAX)
                        .weightInit(WeightInit.XAVIER_UNIFORM).biasInit(0.0).hasBias(true).l1(0).l2(0).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .build();

        assertEquals(expected.toJson(), ModelTranslator.translate(Translate.stack(mnistConvnet())).configuration().toJson());
    }

    @Test
    void ourShapesEqualDl4jsActivationTypesForSamePaddingAndStrides() {
        ModelSpec spec = Sequential.named("shapes").input(15, 11, 3)
                .conv2d(8, 3, 2, Padding.SAME, RELU)     // ceil(15/2)=8, ceil(11/2)=6
                .maxPool(3, 2, Padding.VALID)           // (8-3)/2+1=3, (6-3)/2+1=2
                .avgPool(2, 1, Padding.SAME)            // 3, 2
                .globalAvgPool()                        // 8
                .output(2, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .build();
        Translation t = ModelTranslator.translate(Translate.stack(spec));
        List<InputType> dl4j = t.configuration().getLayerActivationTypes(ModelTranslator.inputType(Translate.stack(spec)));

        assertEquals(List.of(8L, 6L, 8L), t.blocks().get(0).outputShape());
        assertEquals(List.of(3L, 2L, 8L), t.blocks().get(1).outputShape());
        assertEquals(List.of(3L, 2L, 8L), t.blocks().get(2).outputShape());
        assertEquals(List.of(8L), t.blocks().get(3).outputShape());
        for (int i = 0; i < 3; i++) {
            InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) dl4j.get(i);
            assertEquals(t.blocks().get(i).outputShape(), List.of(c.getHeight(), c.getWidth(), c.getChannels()), "layer " + i);
        }
        assertEquals(8, ((InputType.InputTypeFeedForward) dl4j.get(3)).getSize());
    }

    @Test
    void flatRowsAreReadChannelFirstAndFlattenWritesChannelFirst() {
        // DL4J surprise (vs Keras' channels-last): a flat row of a 2x2x2 image is read as [c][h][w], and
        // CnnToFeedForwardPreProcessor flattens back in that order, so a flatten right after the input is the identity.
        ModelSpec spec = Sequential.named("order").input(2, 2, 2)
                .avgPool(1).flatten()
                .output(8, io.fluentdl.nn.Activation.IDENTITY, io.fluentdl.nn.Loss.MSE)
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(ModelTranslator.translate(Translate.stack(spec)).configuration());
        net.init();
        INDArray row = Nd4j.createFromArray(new float[][] {{0, 1, 2, 3, 4, 5, 6, 7}});
        List<INDArray> acts = net.feedForward(row, false);
        assertArrayEquals(new long[] {1, 2, 2, 2}, acts.get(1).shape()); // NCHW after the pooling layer
        assertEquals(4f, acts.get(1).getFloat(0, 1, 0, 0)); // channel 1 starts at the 5th number of the row
        INDArray flat = new CnnToFeedForwardPreProcessor(2, 2, 2).preProcess(acts.get(1), 1,
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        assertEquals(row, flat);
    }

    @Test
    void averagePoolingWithSamePaddingAveragesOnlyRealPixelsAsKeras() {
        ModelSpec spec = Sequential.named("avg").input(3, 3, 1)
                .avgPool(2, 2, Padding.SAME).flatten()
                .output(1, io.fluentdl.nn.Activation.SIGMOID, io.fluentdl.nn.Loss.BINARY_CROSSENTROPY)
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(ModelTranslator.translate(Translate.stack(spec)).configuration());
        net.init();
        INDArray ones = Nd4j.ones(DataType.FLOAT, 1, 9);
        INDArray pooled = net.feedForward(ones, false).get(1);
        // 3x3 → 2x2; the border windows hold 2 or 1 real pixels: Keras averages those (all 1.0); DL4J's default would give 0.5 / 0.25
        assertEquals(Nd4j.ones(DataType.FLOAT, 1, 1, 2, 2), pooled);
    }
}
