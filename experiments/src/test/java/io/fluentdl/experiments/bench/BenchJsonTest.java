package io.fluentdl.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON's shape from a tiny run (synthetic data, one repeat, batch 128); no timing assertions. */
class BenchJsonTest {

    @Test
    void tinyRunWritesEveryNumberAndTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench.json");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new Bench(BenchOptions.quickPreset().withJson(file).tiny(), new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        JsonNode root = new ObjectMapper().readTree(file.toFile());
        for (String key : new String[] {"cpu", "cores", "nativeBuild", "ompThreads", "blasThreads", "OPENBLAS_CORETYPE",
                "openblasCore", "java", "loadAverage"}) {
            assertTrue(root.path("environment").has(key), key);
        }
        assertEquals(100.0, root.path("peak").path("gflops").asDouble());
        assertEquals("--peak-gflops", root.path("peak").path("source").asText());
        assertEquals(4_012_032L, root.path("flopsPerExample").path("training").asLong());
        assertEquals("synthetic", root.path("data").asText());
        JsonNode rows = root.path("workloads");
        assertEquals(4, rows.size()); // batch 128 x BN on/off x SGD/Adam
        for (JsonNode row : rows) {
            for (String side : new String[] {"dsl", "raw"}) {
                JsonNode train = row.path(side).path("trainExamplesPerSec");
                assertEquals(1, train.path("n").asInt());
                assertTrue(train.path("median").asDouble() > 0, row.toString());
                assertTrue(row.path(side).has("trainFractionOfPeak"));
                assertTrue(row.path(side).path("inferenceExamplesPerSec").path("median").asDouble() > 0);
            }
            assertTrue(row.path("dsl").has("epochExamplesPerSecIncludingEvaluation"));
            assertTrue(row.path("dsl").path("trainExamplesPerCpuSec").path("median").asDouble() > 0, row.toString());
            assertTrue(row.path("dslOverRaw").path("median").asDouble() > 0);
            // the default engine is FAST, so the DSL is also timed on DL4J's own layers
            assertEquals("FAST", row.path("engine").asText());
            assertTrue(row.path("dslStock").path("trainExamplesPerSec").path("median").asDouble() > 0, row.toString());
            assertTrue(row.path("fastOverStock").path("median").asDouble() > 0, row.toString());
        }
        assertEquals("FAST", root.path("engine").asText());
        assertTrue(root.path("tracker").path("trackedOverUntracked").path("median").asDouble() > 0);
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("sgd-bn-b128"), printed);
        assertTrue(printed.contains("JSON written to"), printed);
    }

    @Test
    void stockEngineTimesNoFastOverStock(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench.json");
        new Bench(BenchOptions.quickPreset().withJson(file).withEngine(io.fluentdl.Engine.STOCK).tiny(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals("STOCK", root.path("engine").asText());
        for (JsonNode row : root.path("workloads")) {
            assertEquals("STOCK", row.path("engine").asText());
            assertFalse(row.has("fastOverStock"), row.toString());
            assertTrue(row.path("dslOverRaw").path("median").asDouble() > 0);
        }
    }
}
