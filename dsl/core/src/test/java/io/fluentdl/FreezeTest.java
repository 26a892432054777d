package io.fluentdl;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.data.Dataset;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.optim.Adam;
import io.fluentdl.report.ParamCount;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Keras' trainable=False: frozen layers keep their weights and BN statistics; the rest trains. */
class FreezeTest {

    private static final int N = 40;

    private static Dataset data() {
        double[][] x = new double[N][];
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            x[i] = new double[] {Math.sin(i), Math.cos(0.7 * i), 0.1 * (i % 5)};
            y[i] = (i * 7) % 3;
        }
        return Dataset.of(x, y, 3);
    }

    /** DL4J layers in order: 0 dense_1, 1 batch_norm_1, 2 dense_2, 3 output_1 (AS_WRITTEN placement). */
    private static Sequential stack() {
        return stack(1e-2);
    }

    private static Sequential stack(double l2) {
        return Sequential.named("fine-tune").input(3)
                .dense(8, RELU, HE_UNIFORM, d -> d.l2(l2))
                .batchNorm()
                .dense(6, RELU, HE_UNIFORM)
                .output(3, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .optimizer(Adam.of(0.01)).seed(5);
    }

    private static INDArray paramsOf(Model model, int layer) {
        return model.network().getLayer(layer).params().dup();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void frozenLayersAreBitIdenticalAfterTrainingAndTheOthersMove(Engine engine) {
        Model model = Model.of(stack().freeze("dense_1", "batch_norm_1").build()).engine(engine);
        model.fit(data(), 1, 8); // BN statistics start at 0/1: train once so they are not trivially fixed
        INDArray dense1 = paramsOf(model, 0);
        INDArray bn = paramsOf(model, 1);
        INDArray dense2 = paramsOf(model, 2);
        INDArray out = paramsOf(model, 3);
        model.fit(data(), 3, 8);
        // l2 on dense_1 and Adam would both move it, and a training-mode BN its running mean/variance
        assertEquals(dense1, paramsOf(model, 0));
        assertEquals(bn, paramsOf(model, 1));
        assertNotEquals(dense2, paramsOf(model, 2));
        assertNotEquals(out, paramsOf(model, 3));
    }

    @Test
    void aFrozenBatchNormNormalisesWithItsRunningStatisticsWhileTraining() {
        Model trained = Model.of(stack().build());
        trained.fit(data(), 2, 8);
        Model frozen = trained.freeze("batch_norm_1");
        INDArray x = Model.features(data());
        List<INDArray> training = frozen.network().feedForwardToLayer(1, x, true);
        List<INDArray> inference = frozen.network().feedForwardToLayer(1, x, false);
        assertEquals(inference.get(2), training.get(2), "Keras: a trainable=False BN runs in inference mode");
        List<INDArray> unfrozen = trained.network().feedForwardToLayer(1, x, true);
        assertNotEquals(inference.get(2), unfrozen.get(2), "a trainable BN uses the batch's statistics");
    }

    @Test
    void gradientsFlowThroughAFrozenBatchNormToTheLayerBelow() {
        Model model = Model.of(stack(0).build());
        model.fit(data(), 2, 8);
        MultiLayerNetwork net = model.freeze("batch_norm_1").network().convertDataType(DataType.DOUBLE);
        DataSet batch = Model.batchesInOrder(data(), N).next();
        INDArray x = batch.getFeatures().castTo(DataType.DOUBLE);
        INDArray y = batch.getLabels().castTo(DataType.DOUBLE);
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        INDArray analytic = net.gradient().getGradientFor("0_W").dup();
        INDArray w = net.getLayer(0).getParam("W");
        double h = 1e-6;
        for (int k = 0; k < 6; k++) {
            int r = k % 3;
            int c = k;
            double saved = w.getDouble(r, c);
            w.putScalar(r, c, saved + h);
            double up = net.score(new DataSet(x, y), true);
            w.putScalar(r, c, saved - h);
            double down = net.score(new DataSet(x, y), true);
            w.putScalar(r, c, saved);
            double numeric = (up - down) / (2 * h);
            double reported = analytic.getDouble(r, c) / N; // DL4J's gradient is the batch's sum
            assertEquals(numeric, reported, 1e-6 + 1e-4 * Math.abs(numeric), "dW[" + k + "]");
        }
        assertTrue(analytic.norm2Number().doubleValue() > 0);
    }

    @Test
    void summaryCountsFrozenWeightsAsNonTrainable() {
        ParamCount all = stack().build().params();
        // dense_1 3·8+8=32, BN 4·8=32 (16 running stats), dense_2 8·6+6=54, output 6·3+3=21
        assertEquals(new ParamCount(139, 123, 16), all);
        ModelSpec frozen = stack().freeze("dense_1", "batch_norm_1").build();
        assertEquals(new ParamCount(139, 75, 64), frozen.params());
        String summary = frozen.summary();
        assertTrue(summary.contains("Frozen DenseLayer("), summary);
        assertTrue(summary.contains("Trainable params: 75"), summary);
        assertTrue(summary.contains("Non-trainable params: 64"), summary);
    }

    @Test
    void saveAndLoadKeepTheFreeze(@TempDir Path dir) {
        Model model = Model.of(stack().freeze("dense_1").build());
        model.fit(data(), 1, 8);
        Path file = dir.resolve("frozen.zip");
        model.save(file);
        Model loaded = Model.load(file);
        assertEquals(List.of("dense_1"), loaded.spec().frozen());
        INDArray dense1 = paramsOf(loaded, 0);
        assertEquals(paramsOf(model, 0), dense1);
        loaded.fit(data(), 2, 8);
        assertEquals(dense1, paramsOf(loaded, 0));
        assertEquals(stack().build().toBuilder().freeze("dense_1").build(), ModelSpec.fromJson(model.spec().toJson()));
    }

    @Test
    void freezingATrainedModelKeepsItsWeightsAndLeavesTheOriginalAlone() {
        Model model = Model.of(stack().build());
        model.fit(data(), 2, 8);
        float[] predictions = model.predict(Model.features(data())).dup().data().asFloat();
        Model tuned = model.freeze("dense_1", "batch_norm_1");
        // to rounding: the frozen batch norm runs DL4J's batchnorm op, the FAST one the same scale and shift in Java
        assertArrayEquals(predictions, tuned.predict(Model.features(data())).dup().data().asFloat(), 1e-6f);
        assertEquals(List.of(), model.spec().frozen());
        INDArray dense1 = paramsOf(tuned, 0);
        tuned.fit(data(), 3, 8);
        assertEquals(dense1, paramsOf(tuned, 0));
        assertEquals(2, model.network().getEpochCount());
        Model thawed = tuned.unfreeze("dense_1");
        assertEquals(List.of("batch_norm_1"), thawed.spec().frozen());
        thawed.fit(data(), 1, 8);
        assertNotEquals(dense1, paramsOf(thawed, 0));
    }

    @Test
    void freezingAnUnknownLayerOrTheOutputFailsWithOneLine() {
        InvalidConfigException unknown = assertThrows(InvalidConfigException.class, () -> stack().freeze("dense_9").build());
        assertTrue(unknown.getMessage().contains("freeze names a layer the model does not have, got name=dense_9; layers: "
                + "batch_norm_1, dense_1, dense_2, output_1"), unknown.getMessage());
        InvalidConfigException output = assertThrows(InvalidConfigException.class,
                () -> Model.of(stack().build()).freeze("output_1"));
        assertTrue(output.getMessage().contains("the output layer cannot be frozen"), output.getMessage());
    }

    @Test
    void aFrozenBatchNormOverChannelsPassesGradientsToTheConvolutionBelow() {
        double[][] x = new double[16][];
        int[] y = new int[16];
        for (int i = 0; i < 16; i++) {
            x[i] = new double[36];
            for (int j = 0; j < 36; j++) {
                x[i][j] = Math.sin(i * 0.3 + j * 0.7);
            }
            y[i] = i % 2;
        }
        Dataset images = Dataset.of(x, y, 2);
        Model model = Model.of(Sequential.named("conv").input(6, 6, 1).conv2d(4, 3, RELU).batchNorm().flatten()
                .output(2, SOFTMAX, CATEGORICAL_CROSSENTROPY).optimizer(Adam.of(0.01)).seed(1).build());
        model.fit(images, 1, 4);
        Model tuned = model.freeze("batch_norm_1");
        INDArray conv = paramsOf(tuned, 0);
        INDArray bn = paramsOf(tuned, 1);
        tuned.fit(images, 2, 4);
        assertEquals(bn, paramsOf(tuned, 1), "BN over channels: gamma, beta, running mean and variance fixed");
        assertNotEquals(conv, paramsOf(tuned, 0), "the convolution below still learns through the frozen BN");
    }

    @Test
    void aLayersTrainableFalseOptionIsFreeze() {
        ModelSpec byOption = Sequential.named("fine-tune").input(3)
                .dense(8, RELU, HE_UNIFORM, d -> d.l2(1e-2).trainable(false))
                .batchNorm(b -> b.trainable(false))
                .dense(6, RELU, HE_UNIFORM)
                .output(3, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .optimizer(Adam.of(0.01)).seed(5).build();
        assertEquals(stack().freeze("dense_1", "batch_norm_1").build(), byOption);
        ModelSpec input = Sequential.named("in").input(3).inputBatchNorm(b -> b.trainable(false))
                .output(3, SOFTMAX, CATEGORICAL_CROSSENTROPY).build();
        assertEquals(List.of("input_batch_norm"), input.frozen());
        assertEquals(new ParamCount(24, 12, 12), input.params()); // BN 4·3 all frozen; output 3·3+3
        InvalidConfigException output = assertThrows(InvalidConfigException.class, () -> Sequential.named("o").input(3)
                .output(3, SOFTMAX, CATEGORICAL_CROSSENTROPY, d -> d.trainable(false)).build());
        assertTrue(output.getMessage().contains("the output layer cannot be frozen (DL4J trains its output layer), got name=output_1"), output.getMessage());
    }
}
