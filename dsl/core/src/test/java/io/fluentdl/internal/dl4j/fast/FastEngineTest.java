package io.fluentdl.internal.dl4j.fast;

import io.fluentdl.Translate;
import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Activation.TANH;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Engine;
import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.Specs;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.internal.dl4j.ModelTranslator;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Adam;
import io.fluentdl.train.History;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Engine.FAST computes what DL4J's own layers compute: on the same weights the same outputs, score and
 * gradients (float tolerance: GEMMs into C-order outputs round differently), the same 5 epochs of
 * training, analytic gradients that match numerical ones, and a network that saves and loads.
 */
class FastEngineTest {

    static final int FEATURES = 20;
    static final int CLASSES = 5;

    /** 20-16(relu)-12(tanh)-5(softmax), Adam: ReLU reads f' from the output, tanh keeps z. */
    static ModelSpec mlp(BnPlacement placement) {
        return Sequential.named("engine-mlp")
                .input(FEATURES)
                .dense(16, RELU, HE_UNIFORM)
                .dense(12, TANH, HE_UNIFORM)
                .output(CLASSES, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .batchNormPlacement(placement)
                .optimizer(Adam.of(1e-2))
                .seed(7)
                .build();
    }

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of("mlp no BN", mlp(BnPlacement.NONE)),
                Arguments.of("mlp BN before", mlp(BnPlacement.BEFORE_ACTIVATION)),
                Arguments.of("mlp BN after", mlp(BnPlacement.AFTER_ACTIVATION)),
                Arguments.of("case study BN before", Specs.caseStudy(BnPlacement.BEFORE_ACTIVATION)),
                Arguments.of("case study no BN", Specs.caseStudy(BnPlacement.NONE)));
    }

    static Dataset data(ModelSpec spec, int n) {
        if (spec.inputSize() == 2) {
            return Circles.dataset(n, 0.1, 1);
        }
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.FLOAT, n, FEATURES);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, CLASSES);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, (i * 7) % CLASSES, 1f);
        }
        return Model.dataset(x, y);
    }

    private static void assertClose(String what, INDArray expected, INDArray actual, double tolerance) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), what);
        double scale = Math.max(1.0, expected.amaxNumber().doubleValue());
        double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff <= tolerance * scale, String.format("%s: max |stock - fast| = %g > %g", what, diff, tolerance * scale));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void fastLayersReplaceDl4jsOwnAndStockKeepsThem(String name, ModelSpec spec) {
        Model model = Model.of(spec);
        assertEquals(Engine.FAST, model.engine());
        long fast = model.network().getLayerWiseConfigurations().getConfs().stream()
                .filter(c -> c.getLayer().getClass().getPackageName().equals(FastDenseLayer.class.getPackageName())).count();
        long swappable = ModelTranslator.translate(Translate.stack(spec)).configuration().getConfs().stream()
                .filter(c -> c.getLayer() instanceof org.deeplearning4j.nn.conf.layers.DenseLayer
                        || c.getLayer() instanceof org.deeplearning4j.nn.conf.layers.OutputLayer
                        || c.getLayer() instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization
                        || c.getLayer() instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer).count();
        assertEquals(swappable, fast);
        model.engine(Engine.STOCK);
        assertEquals(Engine.STOCK, model.engine());
        // back to DL4J's classes: the configuration is the stock translation's, field for field
        MultiLayerNetwork stock = new MultiLayerNetwork(ModelTranslator.translate(Translate.stack(spec)).configuration());
        stock.init();
        assertEquals(stock.getLayerWiseConfigurations().toJson(), model.network().getLayerWiseConfigurations().toJson());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void sameOutputsScoreAndGradientsAsStock(String name, ModelSpec spec) {
        MultiLayerNetwork fast = Model.of(spec).network();
        MultiLayerNetwork stock = EngineLayers.rebuild(fast, false);
        Dataset d = data(spec, 32);
        assertClose("inference output", stock.output(io.fluentdl.internal.dl4j.DataAccess.arrays(d).features(), false), fast.output(io.fluentdl.internal.dl4j.DataAccess.arrays(d).features(), false), 1e-5);
        assertClose("training-mode output", stock.output(io.fluentdl.internal.dl4j.DataAccess.arrays(d).features(), true), fast.output(io.fluentdl.internal.dl4j.DataAccess.arrays(d).features(), true), 1e-5);
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {stock, fast}) {
            net.setInput(io.fluentdl.internal.dl4j.DataAccess.arrays(d).features());
            net.setLabels(io.fluentdl.internal.dl4j.DataAccess.arrays(d).labels());
            net.computeGradientAndScore();
        }
        assertEquals(stock.score(), fast.score(), 1e-5 * Math.max(1, Math.abs(stock.score())), "score");
        assertClose("gradients (incl. BN running-statistics updates)", stock.getGradientsViewArray(), fast.getGradientsViewArray(), 1e-4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void fiveEpochsTrainAsStock(String name, ModelSpec spec) {
        Model fast = Model.of(spec);
        Model stock = Model.of(spec).engine(Engine.STOCK);
        assertClose("initial weights", stock.network().params(), fast.network().params(), 0);
        Dataset d = data(spec, 200);
        History hf = fast.fit(d, 5, 16);
        History hs = stock.fit(d, 5, 16);
        assertClose("weights after 5 epochs", stock.network().params(), fast.network().params(), 2e-4);
        assertEquals(hs.last().trainLoss(), hf.last().trainLoss(), 1e-4, "training loss after 5 epochs");
        assertEquals(hs.last().trainAccuracy(), hf.last().trainAccuracy(), 1.0 / 200 + 1e-9, "training accuracy after 5 epochs");
    }

    @Test
    void analyticGradientsMatchNumericalOnes() {
        // double precision, where a central difference resolves 1e-6; tanh keeps z, ReLU reads the output
        MultiLayerNetwork net = Model.of(mlp(BnPlacement.NONE)).network().convertDataType(DataType.DOUBLE);
        assertInstanceOf(FastDense.class, net.getLayer(0));
        Dataset d = data(mlp(BnPlacement.NONE), 8);
        INDArray x = io.fluentdl.internal.dl4j.DataAccess.arrays(d).features().castTo(DataType.DOUBLE);
        INDArray y = io.fluentdl.internal.dl4j.DataAccess.arrays(d).labels().castTo(DataType.DOUBLE);
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        INDArray analytic = net.getGradientsViewArray().dup();
        INDArray params = net.params();
        double h = 1e-6;
        int checked = 0;
        for (long i = 0; i < params.length(); i += 7) {
            double original = params.getDouble(i);
            params.putScalar(i, original + h);
            double plus = net.score(new org.nd4j.linalg.dataset.DataSet(x, y), true);
            params.putScalar(i, original - h);
            double minus = net.score(new org.nd4j.linalg.dataset.DataSet(x, y), true);
            params.putScalar(i, original);
            double numeric = (plus - minus) / (2 * h);
            double a = analytic.getDouble(i) / x.rows(); // DL4J's gradient is the batch's sum; its updater divides by the batch size
            assertEquals(numeric, a, 1e-6 + 1e-4 * Math.abs(numeric), String.format("parameter %d", i));
            checked++;
        }
        assertTrue(checked > 80, "checked " + checked);
    }

    @Test
    void firstLayerSkipsTheGradientOfTheNetworksInput() {
        // nothing in training uses it; DL4J computes it anyway (its first layer's largest GEMM)
        ModelSpec spec = mlp(BnPlacement.NONE);
        Dataset d = data(spec, 8);
        MultiLayerNetwork fast = Model.of(spec).network();
        MultiLayerNetwork stock = EngineLayers.rebuild(fast, false);
        assertNull(fast.calculateGradients(io.fluentdl.internal.dl4j.DataAccess.arrays(d).features(), io.fluentdl.internal.dl4j.DataAccess.arrays(d).labels(), null, null).getSecond());
        assertNotNull(stock.calculateGradients(io.fluentdl.internal.dl4j.DataAccess.arrays(d).features(), io.fluentdl.internal.dl4j.DataAccess.arrays(d).labels(), null, null).getSecond());
    }

    @Test
    void savedFastModelLoadsWithItsLayersAndWeights(@TempDir Path dir) {
        ModelSpec spec = mlp(BnPlacement.BEFORE_ACTIVATION);
        Model model = Model.of(spec);
        Dataset d = data(spec, 64);
        model.fit(d, 2, 16);
        Path file = dir.resolve("m.zip");
        model.save(file);
        Model loaded = Model.load(file);
        assertEquals(Engine.FAST, loaded.engine());
        assertInstanceOf(FastBatchNorm.class, loaded.network().getLayer(1));
        assertClose("outputs after load", model.predict(io.fluentdl.internal.dl4j.DataAccess.arrays(d).features()), loaded.predict(io.fluentdl.internal.dl4j.DataAccess.arrays(d).features()), 0);
        MultiLayerConfiguration conf = model.network().getLayerWiseConfigurations();
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));
        // a fast layer is not equal to DL4J's, though every field is
        assertTrue(!ModelTranslator.translate(Translate.stack(spec)).configuration().equals(ModelTranslator.translate(Translate.stack(spec), true).configuration()));
        // and training goes on from the saved optimizer state exactly as in the original
        model.fit(d, 1, 16);
        loaded.fit(d, 1, 16);
        assertClose("one more epoch after load", model.network().params(), loaded.network().params(), 0);
    }
}
