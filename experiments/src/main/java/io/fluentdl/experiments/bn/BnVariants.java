package io.fluentdl.experiments.bn;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;

import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Sgd;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The case study's models, one per variant, each a function of the seed. All share the lecture's
 * model, Dense(50, relu, he_uniform) then Dense(1, sigmoid) with binary cross-entropy and SGD
 * (lr 0.01, classic momentum 0.9), and differ in exactly one BN choice.
 */
final class BnVariants {

    static final int INPUTS = 2;
    static final int UNITS = 50;
    static final double LEARNING_RATE = 0.01;
    static final double MOMENTUM = 0.9;

    /** A named variant: how to build its spec for a seed. */
    record Variant(String name, LongFunction<ModelSpec> spec) {
    }

    private BnVariants() {
    }

    /** The variants in the order of the issue and the report. */
    static List<Variant> all() {
        return List.of(
                new Variant("no-bn", seed -> base("no-bn", false).seed(seed).build()),
                new Variant("bn-after", seed -> base("bn-after", false)
                        .batchNormPlacement(BnPlacement.AFTER_ACTIVATION).seed(seed).build()),
                // the Keras original keeps the dense bias before BN: 150 + 200 + 51 = 401 params
                new Variant("bn-before", seed -> base("bn-before", true)
                        .batchNormPlacement(BnPlacement.BEFORE_ACTIVATION).seed(seed).build()),
                // the derivation's form: beta replaces the now-redundant bias, 351 params
                new Variant("bn-before-nobias", seed -> base("bn-before-nobias", false)
                        .batchNormPlacement(BnPlacement.BEFORE_ACTIVATION).seed(seed).build()),
                new Variant("bn-no-gamma-beta", seed -> withHiddenBn("bn-no-gamma-beta")
                        .batchNorm(b -> b.center(false).scale(false)).output(1, SIGMOID, BINARY_CROSSENTROPY)
                        .batchNormPlacement(BnPlacement.AFTER_ACTIVATION).seed(seed).build()),
                // momentum 0: the running mean/variance are those of the last training batch
                new Variant("bn-no-momentum", seed -> withHiddenBn("bn-no-momentum")
                        .batchNorm(b -> b.momentum(0.0)).output(1, SIGMOID, BINARY_CROSSENTROPY)
                        .batchNormPlacement(BnPlacement.AFTER_ACTIVATION).seed(seed).build()),
                new Variant("input-bn", seed -> Sequential.named("input-bn").input(INPUTS).inputBatchNorm()
                        .dense(UNITS, RELU, HE_UNIFORM).output(1, SIGMOID, BINARY_CROSSENTROPY)
                        .optimizer(optimizer()).seed(seed).build()));
    }

    /** The lecture's model; {@code keepBias} writes the dense with {@code useBias(true)}. */
    private static Sequential base(String name, boolean keepBias) {
        Sequential s = Sequential.named(name).input(INPUTS);
        s = keepBias ? s.dense(UNITS, RELU, HE_UNIFORM, d -> d.useBias(true)) : s.dense(UNITS, RELU, HE_UNIFORM);
        return s.output(1, SIGMOID, BINARY_CROSSENTROPY).optimizer(optimizer());
    }

    /** The model up to its hidden dense, so that a batchNorm(...) with options can follow it. */
    private static Sequential withHiddenBn(String name) {
        return Sequential.named(name).input(INPUTS).dense(UNITS, RELU, HE_UNIFORM).optimizer(optimizer());
    }

    private static Sgd optimizer() {
        return Sgd.of(LEARNING_RATE).momentum(MOMENTUM);
    }
}
