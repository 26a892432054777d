package io.fluentdl.experiments.bn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.Experiments;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run bn-case-study --quick --epochs 2}: the files exist, results.json has exactly the keys of
 * the contract (issue 3), and metrics.csv and provenance.json agree with it.
 */
class BnCaseStudyRunTest {

    private static final int SEEDS = 2;
    private static final int EPOCHS = 2;
    private static final List<String> VARIANTS = List.of("no-bn", "bn-after", "bn-before", "bn-before-nobias",
            "bn-no-gamma-beta", "bn-no-momentum", "input-bn");

    @TempDir
    static Path out;
    static Path dir;
    static JsonNode results;

    @BeforeAll
    static void run() throws IOException {
        Cli.Outcome o = Cli.run(Experiments.registry(), "run", "bn-case-study", "--quick", "--epochs", "2", "--out",
                out.toString());
        assertEquals(0, o.exitCode(), o.err());
        dir = out.resolve("bn-case-study");
        results = Json.MAPPER.readTree(RunFiles.results(dir).toFile());
    }

    @Test
    void everyFileIsThere() {
        for (String file : List.of("results.json", "metrics.csv", "provenance.json", "report.html",
                "plots/final-accuracy.svg", "plots/final-accuracy.png", "plots/test-accuracy.svg",
                "plots/accuracy-bn-after.png")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }

    @Test
    void resultsJsonHasExactlyTheContractsKeys() {
        assertEquals(Set.of("experiment", "seeds", "epochs", "reference", "variants"), keys(results));
        assertEquals("bn-case-study", results.get("experiment").asText());
        assertEquals("[1,2]", results.get("seeds").toString());
        assertEquals(EPOCHS, results.get("epochs").asInt());
        assertEquals(Set.of("no-bn", "bn-after", "bn-before", "source"), keys(results.get("reference")));
        assertEquals(0.838, results.get("reference").get("no-bn").get("train").asDouble());
        assertEquals(0.846, results.get("reference").get("no-bn").get("test").asDouble());
        List<String> names = new ArrayList<>();
        for (JsonNode v : results.get("variants")) {
            names.add(v.get("name").asText());
            assertEquals(Set.of("name", "params", "trainAccuracy", "testAccuracy", "epochsTo80", "runs"), keys(v));
            assertEquals(Set.of("total", "trainable", "nonTrainable"), keys(v.get("params")));
            assertEquals(Set.of("mean", "std"), keys(v.get("trainAccuracy")));
            assertEquals(Set.of("mean", "std"), keys(v.get("testAccuracy")));
            assertEquals(Set.of("mean", "neverReached"), keys(v.get("epochsTo80")));
            assertEquals(SEEDS, v.get("runs").size());
            for (JsonNode run : v.get("runs")) {
                assertEquals(Set.of("seed", "trainAccuracy", "testAccuracy", "trainLoss", "testLoss"), keys(run));
                for (String curve : List.of("trainAccuracy", "testAccuracy", "trainLoss", "testLoss")) {
                    assertEquals(EPOCHS, run.get(curve).size(), curve);
                }
            }
        }
        assertEquals(VARIANTS, names);
        assertEquals(201, results.get("variants").get(0).get("params").get("total").asInt());
        assertEquals(100, results.get("variants").get(1).get("params").get("nonTrainable").asInt());
    }

    @Test
    void metricsCsvHasOneRowPerVariantSeedEpochAndMatchesResults() throws IOException {
        List<String> lines = Files.readAllLines(RunFiles.metrics(dir));
        assertEquals("variant,seed,epoch,train_loss,train_acc,test_loss,test_acc", lines.get(0));
        assertEquals(VARIANTS.size() * SEEDS * EPOCHS, lines.size() - 1);
        int row = 1;
        for (JsonNode v : results.get("variants")) {
            for (JsonNode run : v.get("runs")) {
                for (int e = 0; e < EPOCHS; e++) {
                    String[] cells = lines.get(row++).split(",");
                    assertEquals(v.get("name").asText(), cells[0]);
                    assertEquals(run.get("seed").asLong(), Long.parseLong(cells[1]));
                    assertEquals(e + 1, Integer.parseInt(cells[2]));
                    assertEquals(run.get("trainLoss").get(e).asDouble(), Double.parseDouble(cells[3]));
                    assertEquals(run.get("trainAccuracy").get(e).asDouble(), Double.parseDouble(cells[4]));
                    assertEquals(run.get("testLoss").get(e).asDouble(), Double.parseDouble(cells[5]));
                    assertEquals(run.get("testAccuracy").get(e).asDouble(), Double.parseDouble(cells[6]));
                }
            }
        }
    }

    @Test
    void aggregatesAgreeWithTheRuns() {
        for (JsonNode v : results.get("variants")) {
            double sum = 0;
            for (JsonNode run : v.get("runs")) {
                sum += run.get("testAccuracy").get(EPOCHS - 1).asDouble();
            }
            assertEquals(sum / SEEDS, v.get("testAccuracy").get("mean").asDouble(), 1e-12, v.get("name").asText());
        }
    }

    @Test
    void provenanceHasASpecAndSummaryPerVariant() throws IOException {
        JsonNode provenance = Json.MAPPER.readTree(RunFiles.provenance(dir).toFile());
        List<String> names = new ArrayList<>();
        for (JsonNode v : provenance.get("variants")) {
            names.add(v.get("name").asText());
            assertTrue(v.get("spec").isObject(), "spec is embedded JSON");
            assertTrue(v.get("summary").asText().contains("Total params"), v.get("summary").asText());
        }
        assertEquals(VARIANTS, names);
        assertEquals("[1,2]", provenance.get("seeds").toString());
        assertEquals("1.0.0-M2.1", provenance.get("dl4jVersion").asText());
        assertTrue(provenance.get("commandLine").asText().startsWith("./fluentdl run bn-case-study --quick --epochs 2"));
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
