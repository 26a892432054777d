package io.fluentdl;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;

import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.Sgd;

/** Shared test fixtures: the case-study and MNIST specs. */
public final class Specs {

    private Specs() {
    }

    /** Dense(50, relu, he_uniform) → [BN] → Dense(1, sigmoid), SGD 0.01 with classic momentum 0.9. */
    public static ModelSpec caseStudy(BnPlacement placement) {
        return Sequential.named("bn-case-study")
                .input(2)
                .dense(50, RELU, HE_UNIFORM)
                .output(1, SIGMOID, BINARY_CROSSENTROPY)
                .batchNormPlacement(placement)
                .optimizer(Sgd.of(0.01).momentum(0.9))
                .seed(1)
                .build();
    }

    /** The case study as the Keras original writes BN before ReLU: the dense bias kept. */
    public static ModelSpec caseStudyBeforeWithBias() {
        return Sequential.named("bn-case-study")
                .input(2)
                .dense(50, RELU, HE_UNIFORM, d -> d.useBias(true))
                .output(1, SIGMOID, BINARY_CROSSENTROPY)
                .batchNormPlacement(BnPlacement.BEFORE_ACTIVATION)
                .optimizer(Sgd.of(0.01).momentum(0.9))
                .seed(1)
                .build();
    }

    /** A small MNIST MLP with dropout and Adam. */
    public static ModelSpec mnistMlp() {
        return Sequential.named("mnist-mlp")
                .input(28 * 28)
                .dense(512, RELU, HE_UNIFORM)
                .dropout(0.2)
                .dense(256, RELU, HE_UNIFORM)
                .dropout(0.2)
                .output(10, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .optimizer(Adam.of(1e-3))
                .seed(42)
                .build();
    }
}
