package io.fluentdl;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Init;
import io.fluentdl.optim.AdaGrad;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.RmsProp;
import io.fluentdl.optim.Sgd;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Bad specs fail with our vocabulary, the parameter, the value given, and where. */
class BadSpecTest {

    private static Sequential base() {
        return Sequential.named("m").input(2);
    }

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                bad("dense units 0", () -> base().dense(0, RELU, HE_UNIFORM), "units", 0,
                        "Model 'm', layer 1 'dense_1': units must be >= 1, got units=0"),
                bad("dense units negative", () -> base().dense(-5, RELU), "units", -5, "got units=-5"),
                bad("output units 0", () -> base().output(0, SIGMOID, BINARY_CROSSENTROPY), "units", 0,
                        "layer 1 'output_1': units must be >= 1"),
                bad("input size 0", () -> Sequential.named("m").input(0), "input size", 0, "Model 'm': input size must be >= 1"),
                bad("dropout rate 1", () -> base().dropout(1.0), "rate", 1.0, "the fraction to DROP) must be in [0.0, 1.0), got rate=1.0"),
                bad("dropout rate negative", () -> base().dropout(-0.1), "rate", -0.1, "got rate=-0.1"),
                bad("dropout rate NaN", () -> base().dropout(Double.NaN), "rate", Double.NaN, "got rate=NaN"),
                bad("bn momentum 1", () -> base().batchNorm(b -> b.momentum(1.0)), "momentum", 1.0,
                        "layer 1 'batch_norm_1': momentum must be in [0.0, 1.0), got momentum=1.0"),
                bad("bn momentum negative", () -> base().batchNorm(b -> b.momentum(-0.1)), "momentum", -0.1, "got momentum=-0.1"),
                bad("bn epsilon 0", () -> base().batchNorm(b -> b.epsilon(0)), "epsilon", 0.0, "epsilon must be a finite number > 0"),
                bad("bn center without scale", () -> base().batchNorm(b -> b.center(true).scale(false)), "center", true,
                        "DL4J can only learn or fix gamma and beta together, got center=true, scale=false"),
                bad("dense l2 negative", () -> base().dense(5, RELU, HE_UNIFORM, d -> d.l2(-1)), "l2", -1.0, "l2 must be a finite number >= 0"),
                bad("dense l1 negative", () -> base().dense(5, RELU, HE_UNIFORM, d -> d.l1(-1)), "l1", -1.0, "got l1=-1.0"),
                bad("weight decay negative", () -> base().dense(5, RELU, HE_UNIFORM, d -> d.weightDecay(-0.5)), "weightDecay", -0.5,
                        "got weightDecay=-0.5"),
                bad("sgd lr 0", () -> Sgd.of(0), "learningRate", 0.0, "Constant: learningRate must be a finite number > 0, got learningRate=0.0"),
                bad("sgd lr negative", () -> Sgd.of(-0.01), "learningRate", -0.01, "got learningRate=-0.01"),
                bad("momentum 1", () -> Sgd.of(0.01).momentum(1.0), "momentum", 1.0, "Sgd: momentum must be in [0.0, 1.0), got momentum=1.0"),
                bad("nesterov negative", () -> Sgd.of(0.01).nesterov(-0.1), "momentum", -0.1, "got momentum=-0.1"),
                bad("adam beta1 1", () -> Adam.of(1e-3).beta1(1.0), "beta1", 1.0, "Adam: beta1 must be in [0.0, 1.0)"),
                bad("adam beta2 negative", () -> Adam.of(1e-3).beta2(-0.5), "beta2", -0.5, "got beta2=-0.5"),
                bad("adam epsilon 0", () -> Adam.of(1e-3).epsilon(0), "epsilon", 0.0, "Adam: epsilon must be a finite number > 0"),
                bad("rmsprop rho 1.5", () -> RmsProp.of(1e-3).rho(1.5), "rho", 1.5, "RmsProp: rho must be in [0.0, 1.0)"),
                bad("adagrad epsilon negative", () -> AdaGrad.of(0.01).epsilon(-1), "epsilon", -1.0, "AdaGrad: epsilon"),
                bad("init uniform reversed", () -> Init.uniform(0.1, -0.1), "uniform", "0.1..-0.1",
                        "uniform needs finite low < high, got low=0.1, high=-0.1"),
                bad("blank model name", () -> Sequential.named(" "), "name", " ", "a model needs a non-blank name"),
                bad("null activation", () -> base().dense(5, null, HE_UNIFORM), "activation", null, "activation must not be null"),
                bad("no output", () -> base().dense(5, RELU).dropout(0.2).build(), "output", null,
                        "Model 'm': the stack must end with output(units, activation, loss); it ends with 'dropout_1'"),
                bad("no input", () -> Sequential.named("m").output(1, SIGMOID, BINARY_CROSSENTROPY).build(), "input", null,
                        "the stack must start with input(size)"),
                bad("output not last", () -> base().output(1, SIGMOID, BINARY_CROSSENTROPY).dense(3, RELU)
                        .output(1, SIGMOID, BINARY_CROSSENTROPY).build(), "output", "output_1", "output(...) must be the last layer"),
                bad("bn before activation after dropout", () -> base().dense(5, RELU).dropout(0.1).batchNorm()
                                .output(1, SIGMOID, BINARY_CROSSENTROPY).batchNormPlacement(BnPlacement.BEFORE_ACTIVATION).build(),
                        "batchNormPlacement", BnPlacement.BEFORE_ACTIVATION,
                        "Model 'm', layer 3 'batch_norm_1': BEFORE_ACTIVATION needs batchNorm() directly after a dense(...) or conv2d(...) with an activation, but it follows 'dropout_1'"),
                bad("binary crossentropy with softmax", () -> base().output(2, SOFTMAX, BINARY_CROSSENTROPY).build(),
                        "activation", "softmax", "binary_crossentropy needs probabilities from a sigmoid output, got activation=softmax"),
                bad("categorical crossentropy with one unit", () -> base().output(1, SOFTMAX, CATEGORICAL_CROSSENTROPY).build(),
                        "units", 1, "categorical_crossentropy needs units >= 2 (one per class), got units=1"),
                bad("categorical crossentropy with sigmoid", () -> base().output(3, SIGMOID, CATEGORICAL_CROSSENTROPY).build(),
                        "activation", "sigmoid", "categorical_crossentropy needs a softmax output"),
                bad("duplicate layer names", () -> base().dense(5, RELU, HE_UNIFORM, d -> d.name("x"))
                                .dense(5, RELU, HE_UNIFORM, d -> d.name("x")).output(1, SIGMOID, BINARY_CROSSENTROPY).build(),
                        "name", "x", "layer names must be unique, got name=x twice"),
                bad("fit with wrong feature count", () -> Model.of(Specs.caseStudy(BnPlacement.NONE))
                                .fit(Model.dataset(Nd4j.zeros(DataType.FLOAT, 4, 3), Nd4j.zeros(DataType.FLOAT, 4, 1)), 1, 2),
                        "features", 3, "the data has 3 features per example but the model's input(2) expects 2"),
                bad("fit with zero epochs", () -> Model.of(Specs.caseStudy(BnPlacement.NONE))
                                .fit(Model.dataset(Nd4j.zeros(DataType.FLOAT, 4, 2), Nd4j.zeros(DataType.FLOAT, 4, 1)), 0, 2),
                        "epochs", 0, "epochs must be >= 1, got epochs=0"));
    }

    private static Arguments bad(String name, Executable call, String parameter, Object value, String fragment) {
        return Arguments.of(name, call, parameter, value, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void badSpecFailsWithParameterValueAndRule(String name, Executable call, String parameter, Object value, String fragment) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, call);
        Problem first = e.problems().get(0);
        assertEquals(parameter, first.parameter(), e.getMessage());
        assertEquals(value, first.value(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> String.format("'%s' not in: %s", fragment, e.getMessage()));
    }

    @Test
    void allCrossFieldProblemsAreReportedAtOnce() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Sequential.named("m").dense(5, RELU).output(1, SIGMOID, CATEGORICAL_CROSSENTROPY).build());
        assertEquals(3, e.problems().size());
        assertEquals("""
                3 problems:
                  - Model 'm': the stack must start with input(size); no input size was given. Add .input(n) first.
                  - Model 'm', layer 2 'output_1': categorical_crossentropy needs a softmax output, got activation=sigmoid. \
                Use output(classes, SOFTMAX, CATEGORICAL_CROSSENTROPY).
                  - Model 'm', layer 2 'output_1': categorical_crossentropy needs units >= 2 (one per class), got units=1. \
                For two classes with one unit use SIGMOID with BINARY_CROSSENTROPY.""", e.getMessage());
    }

    @Test
    void unknownActivationSuggestsTheClosest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.parse("rleu"));
        assertEquals("Unknown activation 'rleu'. Expected one of: elu, gelu, hard_sigmoid, leaky_relu, linear, relu, "
                + "selu, sigmoid, softmax, softplus, softsign, swish, tanh. Did you mean 'relu'?", e.getMessage());
    }
}
