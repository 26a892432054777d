package io.fluentdl.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.experiments.report.SearchData.Scale;
import io.fluentdl.track.Json;
import io.fluentdl.track.Histogram;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The search contract as the report reads it, and the histogram re-binning of the heatmaps. */
class SearchDataTest {

    /** What SweepRunner writes today (no "space"): scales are guessed from the values. */
    private static final String SWEEP_RUNNER_SHAPE = """
            {"sweep": "s", "metric": "val_loss", "goal": "minimize", "trials_run": 3,
             "importance": [{"name": "lr", "spearman": 0.5, "variance_explained": 0.2, "share": 0.9}],
             "trials": [
               {"number": 0, "round": 0, "status": "COMPLETE", "score": 0.30, "params": {"lr": 0.0001, "units": 16, "act": "relu"}},
               {"number": 1, "round": 0, "status": "PRUNED", "score": 0.50, "params": {"lr": 0.01, "units": 64, "act": "tanh"}},
               {"number": 2, "round": 0, "status": "COMPLETE", "score": 0.20, "params": {"lr": 0.1, "units": 32, "act": "relu"}},
               {"number": 3, "round": 0, "status": "FAIL", "score": null, "params": {"lr": 0.001, "units": 8, "act": "relu"}}
             ]}""";

    @Test
    void sweepRunnerOutputMeetsTheContractWithGuessedScales() throws Exception {
        SearchData data = SearchData.parse(Json.MAPPER.readTree(SWEEP_RUNNER_SHAPE));
        assertEquals("s", data.name());
        assertFalse(data.maximize());
        assertEquals(4, data.trials().size());
        assertEquals(2, data.best().orElseThrow().number(), "lowest loss among COMPLETE trials");
        assertEquals(Scale.LOG, param(data, "lr").scale(), "1e-4 .. 0.1 spans three decades");
        assertEquals(Scale.LINEAR, param(data, "units").scale(), "8 .. 64 spans less than two decades");
        assertEquals(Scale.CATEGORICAL, param(data, "act").scale());
        assertTrue(param(data, "lr").guessed());
        assertEquals(0.9, data.importance().get(0).share());
    }

    @Test
    void fixedParametersAreShownAsFixedNotAsAxes() throws Exception {
        // issue 17: batch_size: {value: 64} was drawn as a parallel-coordinates axis and a scatter plot
        SearchData data = SearchData.parse(Json.MAPPER.readTree("""
                {"search": "x", "metric": "val_accuracy", "space": [
                  {"name": "lr", "kind": "log_uniform", "low": 0.001, "high": 0.1},
                  {"name": "optimizer", "kind": "fixed", "values": ["adam"]}],
                 "warnings": ["few trials"],
                 "trials": [{"number": 0, "status": "COMPLETE", "score": 0.9, "params": {"lr": 0.01, "optimizer": "adam", "batch_size": 64}},
                            {"number": 1, "status": "COMPLETE", "score": 0.8, "params": {"lr": 0.05, "optimizer": "adam", "batch_size": 64}}]}"""));
        assertEquals(java.util.List.of("lr"), data.space().stream().map(SearchData.Param::name).toList());
        assertEquals(java.util.Map.of("optimizer", "adam", "batch_size", "64"), data.fixed());
        assertEquals(java.util.List.of("few trials"), data.warnings());
    }

    @Test
    void declaredKindsDecideTheAxes() throws Exception {
        SearchData data = SearchData.parse(Json.MAPPER.readTree("""
                {"search": "x", "metric": {"name": "acc"}, "space": [
                  {"name": "m", "kind": "one_minus_log_uniform", "low": 0.9, "high": 0.999},
                  {"name": "n", "kind": "int_log_range", "low": 1, "high": 1000},
                  {"name": "c", "kind": "fixed"}],
                 "trials": [{"number": 0, "status": "COMPLETE", "score": 1, "params": {"m": 0.99, "n": 10}}]}"""));
        assertEquals("acc", data.metric());
        assertEquals(Scale.ONE_MINUS_LOG, param(data, "m").scale());
        assertEquals(Scale.LOG, param(data, "n").scale());
        assertEquals(2, data.space().size(), "fixed parameters are not drawn");
        // 0.99 is half-way between 0.9 and 0.999 on the log(1 - m) axis
        assertEquals(0.5, SearchCharts.position(param(data, "m"), Json.MAPPER.readTree("0.99"), 0.9, 0.999), 1e-12);
        assertEquals(0.99, SearchCharts.valueAt(param(data, "m"), 0.5, 0.9, 0.999), 1e-12);
    }

    @Test
    void rebinningKeepsEveryValueAndPutsItWhereItWas() {
        Histogram h = Histogram.of(new double[] {0, 1, 1, 2, 3, 4}, 4);
        double[] shares = HistogramFigure.rebin(h, -4, 4);
        assertEquals(1.0, Arrays.stream(shares).sum(), 1e-12);
        double belowZero = 0;
        for (int i = 0; i < shares.length / 2; i++) {
            belowZero += shares[i];
        }
        assertEquals(0.0, belowZero, 1e-12, "all values are >= 0");
        Histogram constant = Histogram.of(new double[] {2, 2, 2}, 5);
        assertEquals(1.0, Arrays.stream(HistogramFigure.rebin(constant, 0, 4)).sum(), 1e-12);
    }

    private static SearchData.Param param(SearchData data, String name) {
        return data.space().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
