package io.fluentdl.report;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.Specs;
import io.fluentdl.layers.BnPlacement;
import org.junit.jupiter.api.Test;

/** Parameter counts as Keras reports them for the case study (Keras: Dense(50) from 2 inputs = 150, BatchNorm(50) = 200 with 100 non-trainable, Dense(1) = 51). */
class SummaryTest {

    @Test
    void noBatchNormIs201() {
        // Dense(50) from 2 inputs = 2·50 + 50 = 150; Dense(1) = 50 + 1 = 51
        assertEquals(new ParamCount(201, 201, 0), Specs.caseStudy(BnPlacement.NONE).params());
    }

    @Test
    void afterActivationIs401With100NonTrainable() {
        // + BN(50) = 4·50 = 200, of which mean and variance (100) are not trainable
        assertEquals(new ParamCount(401, 301, 100), Specs.caseStudy(BnPlacement.AFTER_ACTIVATION).params());
    }

    @Test
    void beforeActivationWithKerasBiasIs401() {
        assertEquals(new ParamCount(401, 301, 100), Specs.caseStudyBeforeWithBias().params());
    }

    @Test
    void beforeActivationDropsDenseBiasFor351() {
        assertEquals(new ParamCount(351, 251, 100), Specs.caseStudy(BnPlacement.BEFORE_ACTIVATION).params());
    }

    @Test
    void batchNormWithoutGammaBetaHasOnlyRunningStatistics() {
        ModelSpec spec = Specs.caseStudy(BnPlacement.AS_WRITTEN).toBuilder().build();
        ModelSpec noGammaBeta = Sequential.named("no-gamma-beta").input(2)
                .dense(50, RELU, HE_UNIFORM).batchNorm(b -> b.center(false).scale(false))
                .output(1, SIGMOID, BINARY_CROSSENTROPY).build();
        assertEquals(new ParamCount(201, 201, 0), spec.params());
        assertEquals(new ParamCount(301, 201, 100), noGammaBeta.params());
    }

    @Test
    void inputBatchNormCountsFourPerInput() {
        ModelSpec spec = Specs.caseStudy(BnPlacement.NONE).toBuilder().inputBatchNorm().build();
        assertEquals(new ParamCount(209, 205, 4), spec.params());
    }

    @Test
    void summaryTableForBeforeActivation() {
        String expected = """
                Model: "bn-case-study"   BN placement: BEFORE_ACTIVATION   seed: 1
                Optimizer: SGD(lr=0.01, momentum=0.9)
                ____________________________________________________________________________________________________
                Layer (type)                 Output Shape      Param #   DL4J layers
                ====================================================================================================
                dense_1 (Dense)              (None, 50)            100   DenseLayer(identity, no bias, ReluUniform)
                batch_norm_1 (BatchNorm)     (None, 50)            200   BatchNormalization(decay=0.99, eps=0.001) → ActivationLayer(relu)
                output_1 (Output)            (None, 1)              51   OutputLayer(sigmoid, BINARYXENT)
                ====================================================================================================
                Total params: 351
                Trainable params: 251
                Non-trainable params: 100
                ____________________________________________________________________________________________________
                """;
        assertEquals(expected, Specs.caseStudy(BnPlacement.BEFORE_ACTIVATION).summary());
    }
}
