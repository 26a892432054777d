package io.fluentdl.layers;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Dataset;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.optim.Adam;
import io.fluentdl.report.ParamCount;
import io.fluentdl.report.Summary;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** conv2d / pooling / flatten: Keras' shapes and parameter counts, the BN switch on conv blocks, the stack rules, training. */
class ConvLayersTest {

    static ModelSpec mnistConvnet(BnPlacement placement) {
        return Sequential.named("mnist-convnet").input(28, 28, 1)
                .conv2d(32, 3, RELU).maxPool(2)
                .conv2d(64, 3, RELU).maxPool(2)
                .flatten().dropout(0.5)
                .output(10, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .batchNormPlacement(placement)
                .build();
    }

    @Test
    void mnistConvnetHasKerasShapesAndItsParameterCount() {
        Summary summary = mnistConvnet(BnPlacement.AS_WRITTEN).table();
        // Keras' model.summary() of examples/vision/mnist_convnet.py, by hand:
        //   conv2d      (None, 26, 26, 32)   3*3*1*32 + 32  =    320
        //   max_pool    (None, 13, 13, 32)                        0
        //   conv2d_1    (None, 11, 11, 64)   3*3*32*64 + 64 = 18,496
        //   max_pool_1  (None, 5, 5, 64)                          0
        //   flatten     (None, 1600)                              0
        //   dropout     (None, 1600)                              0
        //   dense       (None, 10)           1600*10 + 10   = 16,010   total 34,826
        List<Summary.Row> rows = summary.rows();
        assertEquals(List.of("conv2d_1", "max_pooling2d_1", "conv2d_2", "max_pooling2d_2", "flatten_1", "dropout_1", "output_1"),
                rows.stream().map(Summary.Row::name).toList());
        assertEquals(List.of(List.of(26L, 26L, 32L), List.of(13L, 13L, 32L), List.of(11L, 11L, 64L), List.of(5L, 5L, 64L),
                List.of(1600L), List.of(1600L), List.of(10L)), rows.stream().map(Summary.Row::outputShape).toList());
        assertEquals(List.of(320L, 0L, 18_496L, 0L, 0L, 0L, 16_010L), rows.stream().map(r -> r.params().total()).toList());
        assertEquals(new ParamCount(34_826, 34_826, 0), summary.total());
        String text = summary.render();
        assertTrue(text.contains("conv2d_1 (Conv2D)"), text);
        assertTrue(text.contains("(None, 26, 26, 32)"), text);
        assertTrue(text.contains("max_pooling2d_2 (MaxPooling2D)"), text);
        assertTrue(text.contains("Total params: 34,826"), text);
    }

    @Test
    void batchNormBeforeActivationOnConvNormalisesChannelsAndDropsTheConvBias() {
        Summary summary = mnistConvnet(BnPlacement.BEFORE_ACTIVATION).table();
        List<Summary.Row> rows = summary.rows();
        // conv2d_1 without bias: 288; batch_norm_1 over 32 channels: 4*32 = 128 (64 trainable γ, β; 64 running mean/var)
        assertEquals("batch_norm_1", rows.get(1).name());
        assertEquals(List.of(26L, 26L, 32L), rows.get(1).outputShape());
        assertEquals(new ParamCount(128, 64, 64), rows.get(1).params());
        assertEquals(288, rows.get(0).params().total());
        assertTrue(rows.get(1).dl4jLayers().contains("ActivationLayer(relu)"), rows.get(1).dl4jLayers());
        assertTrue(rows.get(0).dl4jLayers().contains("identity, no bias"), rows.get(0).dl4jLayers());
        // 320-32 + 128 + 18,496-64 + 256 + 16,010
        assertEquals(new ParamCount(35_114, 34_922, 192), summary.total());
    }

    @Test
    void batchNormWrittenAfterConvIsPerChannel() {
        ModelSpec spec = Sequential.named("conv-bn").input(8, 8, 3)
                .conv2d(4, 3, RELU).batchNorm().globalAvgPool()
                .output(2, SOFTMAX, CATEGORICAL_CROSSENTROPY).build();
        Summary summary = spec.table();
        assertEquals(new ParamCount(16, 8, 8), summary.rows().get(1).params());
        assertEquals(List.of(4L), summary.rows().get(2).outputShape());
        Model.of(spec).predict(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 8 * 8 * 3)); // runs
    }

    @Test
    void imageLayerOnVectorsIsRejectedWithTheFix() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Sequential.named("m").input(784)
                .conv2d(32, 3, RELU).flatten().output(10, SOFTMAX, CATEGORICAL_CROSSENTROPY).build());
        assertTrue(e.getMessage().contains("Model 'm', layer 1 'conv2d_1': Conv2D needs images (height, width, channels), "
                + "but the input gives vectors (None, 784)"), e.getMessage());
        assertTrue(e.getMessage().contains("input(height, width, channels)"), e.getMessage());
    }

    @Test
    void denseOnImagesAsksForFlatten() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Sequential.named("m").input(28, 28, 1)
                .conv2d(32, 3, RELU).maxPool(2).output(10, SOFTMAX, CATEGORICAL_CROSSENTROPY).build());
        assertTrue(e.getMessage().contains("layer 3 'output_1': Output needs vectors, but 'max_pooling2d_1' gives images (None, 13, 13, 32)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Add flatten() or globalAvgPool() before it"), e.getMessage());
    }

    @Test
    void windowLargerThanTheImageIsRejected() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Sequential.named("m").input(4, 4, 1)
                .conv2d(8, 3, RELU).maxPool(3).flatten().output(2, SOFTMAX, CATEGORICAL_CROSSENTROPY).build());
        assertTrue(e.getMessage().contains("layer 2 'max_pooling2d_1': the window does not fit: MaxPooling2D (None, 2, 2, 8) would give (None, 0, 0, 8)"),
                e.getMessage());
    }

    @Test
    void badArgumentsFailAtTheCall() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Sequential.named("m").input(28, 28, 1).conv2d(0, 3, RELU));
        assertTrue(e.getMessage().contains("Model 'm', layer 1 'conv2d_1': filters must be >= 1, got filters=0"), e.getMessage());
        assertThrows(InvalidConfigException.class, () -> Sequential.named("m").input(28, 0, 1));
    }

    @Test
    void convSpecRoundTripsThroughJson() {
        ModelSpec spec = Sequential.named("json").input(12, 12, 2)
                .conv2d(4, 3, 2, Padding.SAME, RELU).avgPool(2).globalMaxPool()
                .output(3, SOFTMAX, CATEGORICAL_CROSSENTROPY).build();
        assertEquals(spec, ModelSpec.fromJson(spec.toJson()));
        assertEquals(new ImageShape(12, 12, 2), ModelSpec.fromJson(spec.toJson()).inputShape());
    }

    @Test
    void aSmallConvnetLearnsWhereTheBrightBarIs() {
        // 6x6 grey images with one bright vertical bar: class 0 in the left half, class 1 in the right half.
        int n = 200;
        float[][] x = new float[n][36];
        float[][] y = new float[n][2];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            int column = random.nextInt(6);
            for (int r = 0; r < 6; r++) {
                x[i][r * 6 + column] = 1f;
            }
            y[i][column < 3 ? 0 : 1] = 1f;
        }
        Dataset data = Model.dataset(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
        ModelSpec spec = Sequential.named("bars").input(6, 6, 1)
                .conv2d(4, 3, 1, Padding.SAME, RELU).maxPool(2).flatten()
                .output(2, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .optimizer(Adam.of(0.01)).seed(5).build();
        Model model = Model.of(spec);
        double before = model.evaluate(data).accuracy();
        model.fit(data, 15, 20);
        double after = model.evaluate(data).accuracy();
        assertTrue(after >= 0.95, String.format("accuracy %.3f -> %.3f", before, after));
    }
}
