package io.fluentdl.experiments.sweep;

import io.fluentdl.ModelSpec;
import io.fluentdl.search.SearchResult;
import io.fluentdl.search.TrialStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepTest {

    @Test
    void aCirclesSweepRunsWithPruningAndGivesABestSpec() {
        String yaml = String.join("\n",
                "name: circles-sweep",
                "method: halton",
                "metric: {name: val_loss}",
                "trials: 4",
                "seed: 3",
                "early_terminate: {type: hyperband, min_iter: 1, eta: 2}",
                "model: {data: circles, train_size: 120, validation_size: 60, test_size: 60, epochs: 4, optimizer: adam}",
                "parameters:",
                "  lr: {distribution: log_uniform, min: 1.0e-3, max: 1.0e-1}",
                "  units: {distribution: int_log_uniform, min: 4, max: 32}",
                "  batch_size: {values: [16, 32]}",
                "  bn: {values: [NONE, AFTER_ACTIVATION]}");
        Sweep sweep = SweepParser.parse(yaml, "circles.yaml", "c");
        SweepModel.Splits data = sweep.model().load(null);
        assertEquals(120, data.train().size());
        assertEquals(60, data.test().size());
        SearchResult<ModelSpec> result = sweep.search(data).run();
        assertEquals(4, result.trials().size(), result::table);
        assertTrue(result.trials(TrialStatus.COMPLETE).size() >= 1, result::table);
        ModelSpec best = result.bestModel();
        assertEquals(ModelSpec.fromJson(best.toJson()), best);
        assertTrue(result.bestParamsJson().contains("\"bn\":\""), result.bestParamsJson());
        assertTrue(result.totalEpochs() <= 16, result::table);
    }
}
