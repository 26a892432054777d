package io.fluentdl.examples;

import static io.fluentdl.layers.BnPlacement.AFTER_ACTIVATION;
import static io.fluentdl.layers.BnPlacement.BEFORE_ACTIVATION;
import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;

import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Sgd;

/**
 * The batch-norm case-study model, Dense(50, relu, he_uniform) → BatchNorm → Dense(1, sigmoid) with SGD and
 * classical momentum, and its Keras-style summary for both BN placements (351 and 401 parameters).
 * Kotlin twin: {@code CaseStudyModel.kt}.
 */
public final class CaseStudyModel {

    private CaseStudyModel() {
    }

    /** The case-study spec with batch norm before or after the ReLU. */
    public static ModelSpec spec(BnPlacement placement) {
        return Sequential.named("bn-case-study")
                .input(2)
                .dense(50, RELU, HE_UNIFORM)
                .batchNorm()
                .output(1, SIGMOID, BINARY_CROSSENTROPY)
                .batchNormPlacement(placement)           // the one switch
                .optimizer(Sgd.of(0.01).momentum(0.9))
                .seed(1)
                .build();
    }

    public static void main(String[] args) {
        ExampleArgs.parse(args); // nothing to train: --quick changes nothing
        // Print the summary of both placements: BEFORE drops the dense bias that BN's beta replaces
        for (BnPlacement placement : new BnPlacement[] {BEFORE_ACTIVATION, AFTER_ACTIVATION}) {
            System.out.println(spec(placement).summary());
        }
    }
}
