package io.fluentdl.experiments.results;

import io.fluentdl.track.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.testing.ToyExperiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {

    @Test
    void jsonRoundTripKeepsEverything(@TempDir Path dir) throws IOException {
        Results results = ToyExperiment.results(List.of(3L, 4L, 5L), 6);
        Json.write(RunFiles.results(dir), results);
        assertEquals(results, Json.read(RunFiles.results(dir), Results.class));
    }

    @Test
    void aDivergedRunRoundTripsWithItsNanAndInfinity(@TempDir Path dir) throws IOException {
        SeedRun diverged = new SeedRun(1, List.of(0.5, 0.1), List.of(0.5, 0.1), List.of(0.7, Double.NaN),
                List.of(0.7, Double.POSITIVE_INFINITY));
        Results results = new Results("x", List.of(1L), 2, Reference.none(),
                List.of(VariantResult.of("v", new ParamCounts(1, 1, 0), List.of(diverged))));
        Json.write(RunFiles.results(dir), results);
        String text = java.nio.file.Files.readString(RunFiles.results(dir));
        assertTrue(text.contains("\"NaN\"") && text.contains("\"Infinity\""), text);
        Results back = Json.read(RunFiles.results(dir), Results.class);
        assertEquals(results, back);
        assertTrue(Double.isNaN(back.variants().get(0).runs().get(0).trainLoss().get(1)));
    }

    @Test
    void resultsWrittenByANewerVersionStillRead(@TempDir Path dir) throws IOException {
        Results results = ToyExperiment.results(List.of(1L), 2);
        com.fasterxml.jackson.databind.node.ObjectNode tree = Json.MAPPER.valueToTree(results);
        tree.put("addedLater", "a key this version does not know");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("variants").get(0)).put("alsoNew", 1);
        Json.write(RunFiles.results(dir), tree);
        assertEquals(results, Json.read(RunFiles.results(dir), Results.class));
    }

    @Test
    void jsonHasTheDocumentedKeysInOrder() {
        JsonNode json = Json.MAPPER.valueToTree(ToyExperiment.results(List.of(1L), 2));
        assertEquals(List.of("experiment", "seeds", "epochs", "reference", "variants"), keys(json));
        assertEquals(List.of("fast", "source"), keys(json.get("reference")));
        JsonNode variant = json.get("variants").get(0);
        assertEquals(List.of("name", "params", "trainAccuracy", "testAccuracy", "epochsTo80", "runs"), keys(variant));
        assertEquals(List.of("total", "trainable", "nonTrainable"), keys(variant.get("params")));
        assertEquals(List.of("mean", "std"), keys(variant.get("testAccuracy")));
        assertEquals(List.of("mean", "neverReached"), keys(variant.get("epochsTo80")));
        assertEquals(List.of("seed", "trainAccuracy", "testAccuracy", "trainLoss", "testLoss"),
                keys(variant.get("runs").get(0)));
    }

    @Test
    void statisticsAreSampleStdAndFirstEpochReaching80() {
        SeedRun a = new SeedRun(1, List.of(0.5, 0.9), List.of(0.79, 0.81), List.of(1.0, 0.5), List.of(1.0, 0.5));
        SeedRun b = new SeedRun(2, List.of(0.7, 0.7), List.of(0.80, 0.85), List.of(1.0, 0.5), List.of(1.0, 0.5));
        SeedRun never = new SeedRun(3, List.of(0.5, 0.5), List.of(0.5, 0.5), List.of(1.0, 1.0), List.of(1.0, 1.0));
        VariantResult v = VariantResult.of("v", new ParamCounts(1, 1, 0), List.of(a, b, never));
        assertEquals(0.7, v.trainAccuracy().mean(), 1e-12);
        assertEquals(0.2, v.trainAccuracy().std(), 1e-12); // values 0.9, 0.7, 0.5: sample std 0.2
        assertEquals(1.5, v.epochsTo80().mean(), 1e-12);   // epochs 2 and 1
        assertEquals(1, v.epochsTo80().neverReached());
        assertNull(EpochsTo80.of(List.of(never)).mean());
    }

    @Test
    void metricsCsvHasOneRowPerVariantSeedAndEpoch() {
        Results results = ToyExperiment.results(List.of(1L, 2L), 3);
        String[] lines = MetricsCsv.render(results).split("\n");
        assertEquals(MetricsCsv.HEADER, lines[0]);
        assertEquals(1 + 2 * 2 * 3, lines.length);
        assertEquals("fast,1,1", lines[1].substring(0, "fast,1,1".length()));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
