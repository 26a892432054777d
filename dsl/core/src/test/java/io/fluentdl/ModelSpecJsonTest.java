package io.fluentdl;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fluentdl.layers.BnPlacement;
import io.fluentdl.nn.Init;
import io.fluentdl.optim.AdaDelta;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.Optimizer;
import io.fluentdl.optim.RmsProp;
import io.fluentdl.optim.Sgd;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** spec → JSON → spec gives an equal spec. */
class ModelSpecJsonTest {

    @Test
    void everyLayerKindRoundTrips() {
        ModelSpec spec = Sequential.named("everything")
                .input(4)
                .inputBatchNorm(b -> b.momentum(0.9))
                .dense(8, RELU, Init.uniform(-0.07, 0.07), d -> d.useBias(true).l1(1e-5).l2(1e-4).weightDecay(1e-3))
                .batchNorm(b -> b.momentum(0.0).epsilon(1e-5).center(false).scale(false))
                .dropout(0.25)
                .activation(io.fluentdl.nn.Activation.TANH)
                .output(1, SIGMOID, BINARY_CROSSENTROPY, Init.normal(0, 0.01), d -> d.useBias(false))
                .batchNormPlacement(BnPlacement.AS_WRITTEN)
                .optimizer(Sgd.of(0.03).nesterov(0.95))
                .seed(7)
                .build();

        assertEquals(spec, ModelSpec.fromJson(spec.toJson()));
    }

    static Stream<Optimizer> optimizers() {
        return Stream.of(Sgd.defaults(), Sgd.of(0.1).momentum(0.5), Sgd.of(0.1).nesterov(0.9), Adam.defaults(),
                Adam.of(3e-4).variant(Adam.Variant.NADAM).beta2(0.99), RmsProp.defaults(),
                io.fluentdl.optim.AdaGrad.defaults(), AdaDelta.defaults());
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void optimizerRoundTrips(Optimizer optimizer) {
        ModelSpec spec = Specs.caseStudy(BnPlacement.AFTER_ACTIVATION).toBuilder().optimizer(optimizer).build();
        assertEquals(spec, ModelSpec.fromJson(spec.toJson()));
    }
}
