package io.fluentdl.internal.dl4j.fast;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Activation.TANH;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Dataset;
import io.fluentdl.internal.dl4j.DataAccess;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.Optimizer;
import io.fluentdl.optim.Sgd;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.optimize.stepfunctions.NegativeGradientStepFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The FAST engine's whole optimizer step in one pass ({@link FusedStep}) moves the parameters, the optimizer state
 * and the gradient array (which holds the update afterwards) as DL4J's updater and step function do, for every
 * optimizer it runs, with and without batch norm (whose running statistics have no updater and no division by
 * the batch size); what it does not run takes DL4J's path.
 */
class FusedStepTest {

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("sgd", Sgd.of(0.05), BnPlacement.NONE),
                Arguments.of("sgd bn", Sgd.of(0.05), BnPlacement.BEFORE_ACTIVATION),
                Arguments.of("nesterov", Sgd.of(0.05).nesterov(0.9), BnPlacement.NONE),
                Arguments.of("nesterov bn after", Sgd.of(0.05).nesterov(0.9), BnPlacement.AFTER_ACTIVATION),
                Arguments.of("adam", Adam.of(1e-2), BnPlacement.NONE),
                Arguments.of("adam bn", Adam.of(1e-2), BnPlacement.BEFORE_ACTIVATION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void stepsAsDl4jsUpdaterAndStepFunction(String name, Optimizer optimizer, BnPlacement placement) {
        ModelSpec spec = mlp(optimizer, placement, 0);
        Model ours = Model.of(spec);
        FusedStep.Fused fused = FusedStep.installedOn(ours.network());
        assertNotNull(fused, "the FAST engine installs the fused step function");
        MultiLayerNetwork dl4j = dl4jPath(spec);
        assertEquals(dl4j.params(), ours.network().params());

        train(ours.network(), dl4j, spec, 12);

        assertEquals(12, fused.fusedSteps(), "every step taken in the updater's pass");
        assertClose(dl4j.params(), ours.network().params(), "parameters");
        INDArray state = dl4j.getUpdater().getStateViewArray();
        if (state == null) { // plain SGD keeps none
            assertNull(ours.network().getUpdater().getStateViewArray());
        } else {
            assertClose(state, ours.network().getUpdater().getStateViewArray(), "optimizer state");
        }
        assertClose(dl4j.getFlattenedGradients(), ours.network().getFlattenedGradients(), "the last update");
    }

    @Test
    void regularizationTakesDl4jsPath() {
        ModelSpec spec = mlp(Sgd.of(0.05).nesterov(0.9), BnPlacement.NONE, 1e-2);
        Model ours = Model.of(spec);
        MultiLayerNetwork dl4j = dl4jPath(spec);
        train(ours.network(), dl4j, spec, 6);
        assertEquals(0, FusedStep.installedOn(ours.network()).fusedSteps(), "L2 is DL4J's to apply");
        assertClose(dl4j.params(), ours.network().params(), "parameters");
    }

    @Test
    void anotherStepFunctionIsLeftAlone() {
        MultiLayerNetwork net = Model.of(mlp(Adam.of(1e-2), BnPlacement.NONE, 0)).network();
        assertTrue(FusedStep.install(net), "installed once");
        assertTrue(FusedStep.install(net), "and again: a no-op");
        MultiLayerNetwork plain = dl4jPath(mlp(Adam.of(1e-2), BnPlacement.NONE, 0));
        assertEquals(NegativeGradientStepFunction.class, plain.getOptimizer().getStepFunction().getClass());
        assertNull(FusedStep.installedOn(plain));
    }

    /** The same network on the same FAST layers with DL4J's own updater and step function. */
    private static MultiLayerNetwork dl4jPath(ModelSpec spec) {
        MultiLayerNetwork net = new MultiLayerNetwork(Model.of(spec).network().getLayerWiseConfigurations().clone());
        net.init(Model.of(spec).network().params().dup(), false);
        net.setUpdater(new MultiLayerUpdater(net));
        return net;
    }

    private static void train(MultiLayerNetwork ours, MultiLayerNetwork dl4j, ModelSpec spec, int steps) {
        Dataset d = FastEngineTest.data(spec, 96);
        for (int step = 0; step < steps; step++) {
            Dataset batch = d.view((step % 6) * 16, (step % 6) * 16 + 16);
            DataSet ds = new DataSet(DataAccess.arrays(batch).features(), DataAccess.arrays(batch).labels());
            ours.fit(ds);
            dl4j.fit(ds);
        }
    }

    /** Within 1e-5 of the larger magnitude: SGD and Nesterov do libnd4j's float operations, Adam within 1e-6 per step. */
    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-30);
        assertEquals(0.0, expected.sub(actual).amaxNumber().doubleValue() / scale, 1e-5, what);
    }

    private static ModelSpec mlp(Optimizer optimizer, BnPlacement placement, double l2) {
        return Sequential.named("fused-mlp")
                .input(FastEngineTest.FEATURES)
                .dense(16, RELU, HE_UNIFORM, d -> d.l2(l2))
                .dense(12, TANH, HE_UNIFORM)
                .output(FastEngineTest.CLASSES, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .batchNormPlacement(placement)
                .optimizer(optimizer)
                .seed(7)
                .build();
    }
}
