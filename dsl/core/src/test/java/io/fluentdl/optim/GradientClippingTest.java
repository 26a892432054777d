package io.fluentdl.optim;

import io.fluentdl.Translate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Dataset;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.internal.dl4j.ModelTranslator;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Loss;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** clipNorm / clipValue: the DL4J setting, and the size of one SGD step. */
class GradientClippingTest {

    private static Sequential linear(String name) {
        return Sequential.named(name).input(3).output(1, Activation.IDENTITY, Loss.MSE).optimizer(Sgd.of(1.0)).seed(1);
    }

    // one huge-error batch: unclipped, plain SGD with lr 1 moves the weights by the full gradient
    private static INDArray step(ModelSpec spec) {
        Dataset data = Model.dataset(Nd4j.ones(DataType.FLOAT, 4, 3), Nd4j.ones(DataType.FLOAT, 4, 1).muli(100));
        Model model = Model.of(spec).verbose(0);
        INDArray before = model.network().getLayer(0).getParam("W").dup();
        model.fit(data, 1, 4);
        return model.network().getLayer(0).getParam("W").sub(before);
    }

    @Test
    void clipValueBoundsEveryElementOfTheStep() {
        INDArray delta = step(linear("v").clipValue(0.5).build());
        assertEquals(0.5, Transforms.abs(delta).maxNumber().doubleValue(), 1e-6); // lr 1 x clipped gradient 0.5
    }

    @Test
    void clipNormBoundsEachWeightTensorsStep() {
        INDArray delta = step(linear("n").clipNorm(1.0).build());
        assertEquals(1.0, delta.norm2Number().doubleValue(), 1e-5);
        assertTrue(step(linear("free").build()).norm2Number().doubleValue() > 10, "without clipping the step is large");
    }

    @Test
    void translatesToDl4jGradientNormalizationOnEveryLayer() {
        BaseLayer layer = (BaseLayer) ModelTranslator.translate(Translate.stack(linear("t").clipNorm(2.0).build())).configuration().getConf(0).getLayer();
        assertEquals(GradientNormalization.ClipL2PerParamType, layer.getGradientNormalization());
        assertEquals(2.0, layer.getGradientNormalizationThreshold());
        assertTrue(linear("s").clipValue(0.1).build().summary().contains("Optimizer: SGD(lr=1.0), clipvalue=0.1"),
                linear("s").clipValue(0.1).build().summary());
    }

    @Test
    void clipByNormAndByValueTogetherIsRefused() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> linear("both").clipNorm(1).clipValue(0.5));
        assertTrue(e.getMessage().contains("DL4J clips by norm or by value, not both, got clipnorm=1.0 and clipValue=0.5"), e.getMessage());
        assertThrows(InvalidConfigException.class, () -> linear("zero").clipNorm(0));
    }

    @Test
    void clippingRoundTripsThroughJson() {
        ModelSpec spec = linear("j").clipNorm(1.5).build();
        assertEquals(spec, ModelSpec.fromJson(spec.toJson()));
    }
}
