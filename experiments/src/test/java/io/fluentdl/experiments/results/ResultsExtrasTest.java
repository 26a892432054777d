package io.fluentdl.experiments.results;

import io.fluentdl.track.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.report.ConsoleTable;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional parts of results.json: learning rates, variant metrics, schedule curves, range tests, other references. */
class ResultsExtrasTest {

    static Results sample() {
        SeedRun a = new SeedRun(1, List.of(0.9, 1.0), List.of(0.8, 0.85), List.of(0.3, 0.1), List.of(0.4, 0.35),
                List.of(0.03, 0.003));
        SeedRun b = new SeedRun(2, List.of(0.9, 0.99), List.of(0.8, 0.87), List.of(0.3, 0.1), List.of(0.4, 0.33),
                List.of(0.03, 0.003));
        VariantResult v = VariantResult.of("step", new ParamCounts(10, 10, 0), List.of(a, b))
                .withDescription("SGD, step decay")
                .withMetric("testError", List.of(0.15, 0.13))
                .withMetric("epochsToZeroTrainError", Arrays.asList(2.0, null))
                .withSchedule(new LrCurve(List.of(0.0, 1.0), List.of(0.03, 0.003)));
        Reference reference = Reference.from("somewhere").withValue("step", "testError", 0.12);
        RangeTest test = new RangeTest("sgd", 1, List.of(1e-3, 1e-2, 1e-1), List.of(2.3, 2.0, 9.0), List.of(2.3, 2.1, 4.0),
                1e-2, 1e-3, 1e-2, "diverged");
        return new Results("x", List.of(1L, 2L), 2, reference, List.of(v))
                .withPlots(Results.LEARNING_RATE, Results.LR_RANGE).withRangeTests(List.of(test));
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        Results results = sample();
        Results back = Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(results), Results.class);
        assertEquals(results, back);
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(results));
        assertEquals(0.12, json.get("reference").get("step").get("testError").asDouble());
        assertEquals(1, json.get("variants").get(0).get("metrics").get("epochsToZeroTrainError").get("missing").asInt());
    }

    @Test
    void statSkipsSeedsWithoutAValue() {
        Stat s = Stat.of(Arrays.asList(2.0, null, 4.0));
        assertEquals(3.0, s.mean());
        assertEquals(1, s.missing());
        assertNull(Stat.of(Arrays.asList(null, null)).mean());
    }

    @Test
    void standardResultsKeepTheirJsonShape() throws Exception {
        SeedRun run = new SeedRun(1, List.of(0.9), List.of(0.8), List.of(0.3), List.of(0.4));
        Results plain = new Results("x", List.of(1L), 1, Reference.from("s").with("v", 0.9, 0.8),
                List.of(VariantResult.of("v", new ParamCounts(1, 1, 0), List.of(run))));
        String json = Json.MAPPER.writeValueAsString(plain);
        for (String absent : List.of("plots", "rangeTests", "metrics", "schedule", "description", "learningRate")) {
            assertFalse(json.contains("\"" + absent + "\""), absent);
        }
        assertEquals(plain, Json.MAPPER.readValue(json, Results.class));
    }

    @Test
    void tableShowsMetricsAndTheirReference() {
        String table = ConsoleTable.render(sample());
        assertTrue(table.contains("ref testError"), table);
        assertTrue(table.contains("0.140 ± 0.014"), table);
        assertTrue(table.contains("2.000 ± 0.000 (1 none)"), table);
    }

    @Test
    void metricsCsvAddsTheLearningRateColumn() {
        String csv = MetricsCsv.render(sample());
        assertTrue(csv.startsWith(MetricsCsv.HEADER + ",learning_rate\n"), csv);
        assertTrue(csv.contains("step,1,2,0.1,1.0,0.35,0.85,0.003\n"), csv);
    }

    @Test
    void unknownPlotsAndMismatchedCurvesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> sample().withPlots("nope"));
        assertThrows(IllegalArgumentException.class,
                () -> new SeedRun(1, List.of(0.9), List.of(0.8), List.of(0.3), List.of(0.4), List.of(0.1, 0.2)));
    }
}
