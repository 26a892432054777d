package io.fluentdl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fluentdl.ModelSpec;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.search.SearchSpace;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each Kotlin example builds a spec equal to its Java twin (records: field-by-field equality). */
class TwinsTest {

    @ParameterizedTest
    @EnumSource(BnPlacement.class)
    void caseStudyKotlinEqualsJava(BnPlacement placement) {
        assertEquals(CaseStudyModel.spec(placement), CaseStudyModelKotlin.caseStudy(placement));
    }

    @ParameterizedTest
    @EnumSource(BnPlacement.class)
    void switchBnPlacementKotlinEqualsJava(BnPlacement placement) {
        assertEquals(SwitchBnPlacement.switchedTo(placement), SwitchBnPlacementKotlin.switchedTo(placement));
    }

    @Test
    void ownDataKotlinEqualsJava() {
        assertEquals(OwnData.spec(4, 3), OwnDataKotlin.ownDataSpec(4, 3));
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 469})
    void mnistMlpKotlinEqualsJava(int stepsPerEpoch) {
        assertEquals(MnistAdamCosineRestarts.spec(stepsPerEpoch), MnistAdamCosineRestartsKotlin.mnistMlp(stepsPerEpoch));
    }

    @Test
    void searchSpaceKotlinEqualsJava() {
        SearchSpace<ModelSpec> java = RandomSearchCoarseToFine.space();
        SearchSpace<ModelSpec> kotlin = RandomSearchCoarseToFineKotlin.circlesSpace();
        assertEquals(java.params(), kotlin.params());
        assertEquals(java.build(java.midpointTrial()), kotlin.build(kotlin.midpointTrial()));
        Map<String, Object> fixed = Map.of("units", 16, "lr", 0.05, "momentum", 0.9);
        assertEquals(java.build(java.trialWith(fixed)), kotlin.build(kotlin.trialWith(fixed)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.3})
    void lrRangeThenTrainKotlinEqualsJava(double learningRate) {
        assertEquals(LrRangeThenTrain.atRate(learningRate), LrRangeThenTrainKotlin.atRate(learningRate));
    }

    @Test
    void classWeightsKotlinEqualsJava() {
        assertEquals(ClassWeightsFineTune.spec(), ClassWeightsFineTuneKotlin.classWeightsSpec());
    }
}
