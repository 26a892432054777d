package io.fluentdl.experiments.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every MNIST experiment, CI-sized: {@code run <name> --quick --epochs 1 --seeds 1} on the first 200
 * training and 100 test images ({@link MnistRuns#LIMIT_PROPERTY}). Checks the files, results.json's
 * keys (the README documents them), and that metrics.csv and the aggregates agree with the runs.
 * Reads MNIST through the default lookup, which ends at the copy shipped in fluentdl-datasets.
 */
class MnistExperimentsRunTest {

    static final int EPOCHS = 1;
    static final Map<String, List<String>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("mnist-momentum", List.of("momentum-0", "momentum-0.5", "momentum-0.9", "momentum-0.99"));
        VARIANTS.put("mnist-batchnorm", List.of("no-bn", "bn-after"));
        VARIANTS.put("mnist-optimizers", List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"));
        VARIANTS.put("mnist-schedules", List.of("constant", "step", "linear", "triangular2", "sgdr", "one-cycle"));
        VARIANTS.put("lr-range-test", List.of("sgd-steepest", "sgd-min-over-10", "sgd-lecture"));
        VARIANTS.put("keras-mnist-mlp", List.of("keras-mnist-mlp"));
        VARIANTS.put("keras-mnist-convnet", List.of("keras-mnist-convnet"));
    }

    @TempDir
    static Path out;
    static final Map<String, String> FAILURES = new LinkedHashMap<>();

    @BeforeAll
    static void runAll() {
        System.setProperty(MnistRuns.LIMIT_PROPERTY, "200,100");
        try {
            for (String name : VARIANTS.keySet()) {
                Cli.Outcome o = Cli.run(Experiments.registry(), "run", name, "--quick", "--epochs", "1", "--seeds", "1",
                        "--quiet", "--out", out.toString());
                if (o.exitCode() != 0) {
                    FAILURES.put(name, o.err());
                }
            }
        } finally {
            System.clearProperty(MnistRuns.LIMIT_PROPERTY);
        }
    }

    @AfterAll
    static void noLeftoverProperty() {
        assertFalse(System.getProperties().containsKey(MnistRuns.LIMIT_PROPERTY));
    }

    static List<String> experiments() {
        return List.copyOf(VARIANTS.keySet());
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void runsAndWritesEveryFile(String name) {
        assertFalse(FAILURES.containsKey(name), () -> FAILURES.get(name));
        Path dir = out.resolve(name);
        for (String file : List.of("results.json", "metrics.csv", "provenance.json", "report.html",
                "plots/final-accuracy.svg", "plots/test-error.png", "plots/train-loss.svg")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void resultsJsonHasTheDocumentedKeys(String name) throws IOException {
        JsonNode results = results(name);
        Set<String> top = new TreeSet<>(Set.of("experiment", "dataset", "seeds", "epochs", "reference", "plots", "variants"));
        if (name.equals("lr-range-test")) {
            top.add("rangeTests");
        }
        assertEquals(top, keys(results));
        assertEquals(name, results.get("experiment").asText());
        assertEquals("MNIST", results.get("dataset").get("name").asText());
        assertTrue(results.get("dataset").get("isMnist").asBoolean());
        assertEquals(4, results.get("dataset").get("sha256").size());
        assertEquals("[1]", results.get("seeds").toString());
        assertEquals(EPOCHS, results.get("epochs").asInt());
        List<String> names = new ArrayList<>();
        for (JsonNode v : results.get("variants")) {
            names.add(v.get("name").asText());
            Set<String> expected = new TreeSet<>(Set.of("name", "description", "params", "trainAccuracy", "testAccuracy",
                    "epochsTo80", "metrics", "runs"));
            if (name.equals("mnist-schedules")) {
                expected.add("schedule");
            }
            assertEquals(expected, keys(v));
            assertTrue(keys(v.get("metrics")).containsAll(Set.of("testError", "trainError", "minTestError")));
            JsonNode run = v.get("runs").get(0);
            assertEquals(Set.of("seed", "trainAccuracy", "testAccuracy", "trainLoss", "testLoss", "learningRate"), keys(run));
            double testAccuracy = run.get("testAccuracy").get(EPOCHS - 1).asDouble();
            assertEquals(1 - testAccuracy, v.get("metrics").get("testError").get("mean").asDouble(), 1e-12);
            assertEquals(testAccuracy, v.get("testAccuracy").get("mean").asDouble(), 1e-12);
        }
        assertEquals(VARIANTS.get(name), names);
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void metricsCsvMatchesResults(String name) throws IOException {
        JsonNode results = results(name);
        List<String> lines = Files.readAllLines(RunFiles.metrics(out.resolve(name)));
        assertEquals("variant,seed,epoch,train_loss,train_acc,test_loss,test_acc,learning_rate", lines.get(0));
        assertEquals(VARIANTS.get(name).size() * EPOCHS, lines.size() - 1);
        int row = 1;
        for (JsonNode v : results.get("variants")) {
            JsonNode run = v.get("runs").get(0);
            String[] cells = lines.get(row++).split(",");
            assertEquals(v.get("name").asText(), cells[0]);
            assertEquals(run.get("testAccuracy").get(0).asDouble(), Double.parseDouble(cells[6]));
            assertEquals(run.get("learningRate").get(0).asDouble(), Double.parseDouble(cells[7]));
        }
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void provenanceNamesEveryVariant(String name) throws IOException {
        JsonNode provenance = Json.MAPPER.readTree(RunFiles.provenance(out.resolve(name)).toFile());
        List<String> names = new ArrayList<>();
        provenance.get("variants").forEach(v -> names.add(v.get("name").asText()));
        assertEquals(VARIANTS.get(name), names);
        assertTrue(provenance.get("commandLine").asText().startsWith("./fluentdl run " + name + " --quick"));
    }

    @org.junit.jupiter.api.Test
    void experimentSpecificNumbers() throws IOException {
        JsonNode momentum = results("mnist-momentum");
        assertEquals(0.039, momentum.get("reference").get("momentum-0.9").get("testError").asDouble());
        assertTrue(momentum.get("variants").get(3).get("metrics").has("testErrorJitter"));
        JsonNode bn = results("mnist-batchnorm");
        assertEquals(6, bn.get("reference").get("bn-after").get("epochsToZeroTrainError").asInt());
        assertTrue(bn.get("variants").get(1).get("metrics").has("epochsToZeroTrainError"));
        assertEquals(3072, bn.get("variants").get(1).get("params").get("nonTrainable").asInt());
        JsonNode schedules = results("mnist-schedules");
        JsonNode curve = schedules.get("variants").get(0).get("schedule");
        assertEquals(curve.get("epoch").size(), curve.get("learningRate").size());
        assertEquals(0.03, curve.get("learningRate").get(0).asDouble(), 1e-12);
        JsonNode lr = results("lr-range-test");
        assertEquals(2, lr.get("rangeTests").size());
        for (JsonNode test : lr.get("rangeTests")) {
            assertEquals(test.get("learningRate").size(), test.get("smoothedLoss").size());
            assertTrue(test.get("suggestedSteepest").asDouble() > 0);
            assertTrue(Files.isRegularFile(out.resolve("lr-range-test/plots/lr-range-test-" + test.get("name").asText() + ".svg")));
        }
        assertEquals(lr.get("rangeTests").get(0).get("suggestedSteepest").asDouble(),
                lr.get("variants").get(0).get("metrics").get("learningRate").get("mean").asDouble());
        JsonNode keras = results("keras-mnist-mlp");
        assertEquals(669_706, keras.get("variants").get(0).get("params").get("total").asInt());
        assertEquals(34_826, results("keras-mnist-convnet").get("variants").get(0).get("params").get("total").asInt());
        assertTrue(Files.isRegularFile(out.resolve("mnist-schedules/plots/learning-rate.png")));
        assertTrue(Files.isRegularFile(out.resolve("mnist-batchnorm/plots/train-error.svg")));
    }

    @org.junit.jupiter.api.Test
    void resumeReadsEveryUnitBackWithItsLearningRates() throws IOException {
        String name = "mnist-schedules";
        JsonNode before = results(name);
        System.setProperty(MnistRuns.LIMIT_PROPERTY, "200,100");
        Cli.Outcome o;
        try {
            o = Cli.run(Experiments.registry(), "run", name, "--quick", "--epochs", "1", "--seeds", "1", "--quiet",
                    "--out", out.toString(), "--resume");
        } finally {
            System.clearProperty(MnistRuns.LIMIT_PROPERTY);
        }
        assertEquals(0, o.exitCode(), o.err());
        assertEquals(before, results(name), "a resumed run reads every unit back, learning rates included");
        assertTrue(Files.isDirectory(out.resolve(name).resolve("runs")), "units are tracked runs");
    }

    private static JsonNode results(String name) throws IOException {
        assertFalse(FAILURES.containsKey(name), () -> FAILURES.get(name));
        return Json.MAPPER.readTree(RunFiles.results(out.resolve(name)).toFile());
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
