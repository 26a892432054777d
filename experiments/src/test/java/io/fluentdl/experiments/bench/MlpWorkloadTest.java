package io.fluentdl.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fluentdl.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DSL/raw ratios only mean something if both sides build the same network. */
class MlpWorkloadTest {

    @ParameterizedTest
    @CsvSource({"false, SGD", "false, ADAM", "true, SGD", "true, ADAM"})
    void dslAndRawBuildTheSameDl4jConfiguration(boolean bn, MlpWorkload.Optim optim) {
        MlpWorkload w = new MlpWorkload(bn, optim, 128);
        assertEquals(w.rawConfiguration().toJson(), Model.configuration(w.dslSpec()).toJson());
    }

    @ParameterizedTest
    @CsvSource({"false, SGD, 128, sgd-b128", "true, ADAM, 1024, adam-bn-b1024"})
    void labels(boolean bn, MlpWorkload.Optim optim, int batch, String label) {
        assertEquals(label, new MlpWorkload(bn, optim, batch).label());
    }
}
