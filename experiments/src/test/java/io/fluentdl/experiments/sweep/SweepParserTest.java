package io.fluentdl.experiments.sweep;

import io.fluentdl.ModelSpec;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.search.Goal;
import io.fluentdl.search.HpKind;
import io.fluentdl.search.SearchSpace;
import io.fluentdl.search.Trial;
import io.fluentdl.train.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepParserTest {

    /** The example file shipped with the experiments (surefire runs in dsl/core). */
    static final Path EXAMPLE = Path.of("sweeps/mnist-search.yaml");

    static final String MINIMAL = String.join("\n",
            "method: random",
            "metric: {name: val_accuracy, goal: maximize}",
            "model: {data: circles, train_size: 100, validation_size: 50, test_size: 50, epochs: 3}",
            "parameters:",
            "  lr: {distribution: log_uniform, min: 1.0e-4, max: 1.0e-1}",
            "");

    private static SweepException fails(String yaml) {
        return assertThrows(SweepException.class, () -> SweepParser.parse(yaml, "sweep.yaml", "sweep"));
    }

    @Test
    void theExampleFileParsesIntoTheSearchItDescribes() {
        assertTrue(Files.isRegularFile(EXAMPLE), EXAMPLE.toAbsolutePath().toString());
        Sweep sweep = SweepParser.parse(EXAMPLE);
        assertEquals("mnist-search", sweep.name());
        assertEquals(Sweep.Method.RANDOM, sweep.method());
        assertEquals(Metric.VAL_ACCURACY, sweep.metric());
        assertEquals(Goal.MAXIMIZE, sweep.goal());
        assertEquals(24, sweep.trials());
        assertEquals(7, sweep.seed());
        assertEquals(2, sweep.rounds());
        assertEquals(5, sweep.topK());
        assertEquals(Sweep.EarlyTerminate.Type.ASHA, sweep.earlyTerminate().type());
        assertEquals(3, sweep.earlyTerminate().eta());
        assertEquals(SweepModel.DataKind.MNIST, sweep.model().data());
        assertEquals(9, sweep.model().epochs());
        assertEquals(List.of("lr", "momentum", "units", "layers", "batch_size", "bn"),
                sweep.params().stream().map(SweepParam::name).toList());
        SearchSpace<ModelSpec> space = sweep.space();
        assertEquals(HpKind.LOG_UNIFORM, space.param("lr").kind());
        assertEquals(HpKind.ONE_MINUS_LOG_UNIFORM, space.param("momentum").kind());
        assertEquals(HpKind.INT_RANGE, space.param("units").kind());
        assertEquals(List.of(2, 3, 4, 5), space.param("layers").values());
        assertEquals(List.of(BnPlacement.NONE, BnPlacement.BEFORE_ACTIVATION, BnPlacement.AFTER_ACTIVATION),
                space.param("bn").values());
        assertEquals(6, space.dimensions());
    }

    @Test
    void aTrialBuildsTheModelItsValuesDescribe() {
        Sweep sweep = SweepParser.parse(EXAMPLE);
        SearchSpace<ModelSpec> space = sweep.space();
        ModelSpec spec = space.build(space.trialWith(Map.of("lr", 0.01, "momentum", 0.99, "units", 100, "layers", 3,
                "batch_size", 64, "bn", BnPlacement.BEFORE_ACTIVATION)));
        assertEquals(784, spec.inputSize());
        assertEquals(4, spec.layers().size()); // 3 dense + output
        assertEquals(BnPlacement.BEFORE_ACTIVATION, spec.batchNormPlacement());
        assertTrue(spec.optimizer().toString().contains("0.99"), spec.optimizer().toString());
        assertEquals(7, spec.seed());
        assertTrue(ModelSpec.fromJson(spec.toJson()).equals(spec));
    }

    @Test
    void defaultsFillWhatTheFileLeavesOut() {
        Sweep sweep = SweepParser.parse(MINIMAL, "sweep.yaml", "my-sweep");
        assertEquals("my-sweep", sweep.name());
        assertEquals(io.fluentdl.search.Search.DEFAULT_TRIALS, sweep.trials());
        assertEquals(1, sweep.workers());
        assertEquals(1, sweep.rounds());
        assertNull(sweep.earlyTerminate());
        assertEquals(2, sweep.model().inputSize());
        assertEquals(32, sweep.model().fixed().get(Knob.BATCH_SIZE));
    }

    @Test
    void valuesAndValueNeedNoDistributionAndW_B_NamesAreAccepted() {
        Sweep sweep = SweepParser.parse(MINIMAL.replace("  lr: {distribution: log_uniform,",
                "  units: {values: [8, 16]}\n  dropout: {value: 0.2}\n  learning_rate: {distribution: log_uniform_values,"),
                "sweep.yaml", "s");
        assertEquals(Distribution.CATEGORICAL, sweep.param(Knob.UNITS).distribution());
        assertEquals(Distribution.CONSTANT, sweep.param(Knob.DROPOUT).distribution());
        assertEquals(Distribution.LOG_UNIFORM, sweep.param(Knob.LR).distribution());
        assertEquals(2, sweep.space().dimensions());
    }

    @Test
    void aMisspelledDistributionNamesTheLineTheKnownOnesAndTheClosest() {
        String yaml = String.join("\n",
                "model: {data: circles}",
                "parameters:",
                "  lr:",
                "    distribution: log_uniformm",
                "    min: 1.0e-4",
                "    max: 1.0e-1");
        assertEquals("sweep.yaml line 4: unknown distribution 'log_uniformm'. Expected one of: uniform, log_uniform, "
                + "one_minus_log_uniform, int_range, int_log_range, choice, fixed. Did you mean 'log_uniform'?",
                fails(yaml).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown top-level key   | metrc: val_accuracy                                    | line 1: unknown top-level key 'metrc'. Expected one of: | Did you mean 'metric'?",
        "unknown parameter       | parameters: {lrate: {values: [0.1]}}                   | line 1: unknown parameter 'lrate'                       | lr",
        "int dist on a real knob | parameters: {lr: {distribution: int_uniform, min: 1, max: 5}} | lr is a real number, so distribution int_range does not fit it | log_uniform",
        "real dist on units      | parameters: {units: {distribution: log_uniform, min: 1, max: 5}} | units is a whole number                    | int_log_range",
        "log needs positive min  | parameters: {lr: {distribution: log_uniform, min: 0, max: 0.1}} | line 1: lr must be > 0, got lr=0.0          | lr",
        "min above max           | parameters: {units: {distribution: int_uniform, min: 64, max: 8}} | intRange needs low <= high, got low=64, high=8 | line 1",
        "bad bn placement        | parameters: {bn: {values: [NONE, AFTER_ACTIVATON]}}     | unknown bn placement 'AFTER_ACTIVATON'                  | Did you mean 'AFTER_ACTIVATION'?",
        "fractional units        | parameters: {units: {values: [16, 32.5]}}              | units must be a whole number, got 32.5                  | line 1",
        "momentum of one         | parameters: {momentum: {values: [0.9, 1.0]}}           | momentum must be in [0, 1), got momentum=1.0            | line 1",
        "unknown method          | method: bayez                                          | unknown method 'bayez'. Expected one of: random, grid, halton, bayes | Did you mean 'bayes'?",
        "unknown early rule      | early_terminate: {type: hyperbnd}                      | Did you mean 'hyperband'?                               | line 1",
        "unknown metric          | metric: {name: val_acc}                                | unknown metric 'val_acc'                                | line 1",
        "max_iter on asha        | early_terminate: {type: asha, max_iter: 9}             | max_iter applies to type: hyperband only, got type: asha | line 1",
        "max_iter past epochs    | early_terminate: {type: hyperband, max_iter: 20}       | max_iter must be <= model.epochs (the most a trial trains), got max_iter=20, epochs=10 | line 1",
        "hyperband of 1 bracket  | early_terminate: {type: hyperband, min_iter: 4}        | hyperband needs max_iter >= min_iter * eta for a second bracket, got max_iter=10 (model.epochs), min_iter=4, eta=3 | Lower min_iter or eta, or use type: asha.",
        "scalar parameter        | parameters: {lr: 0.1}                                  | For a fixed value write lr: {value: 0.1}                | line 1",
        "whole number expected   | trials: many                                           | trials: expected a number, got 'many'                   | line 1",
        "syntax error            | 'parameters: {lr: [1, 2'                               | not valid YAML                                          | sweep.yaml line",
        "no parameters           | trials: 3                                              | a sweep needs 'parameters:'                             | Add e.g.",
    })
    void badFilesGetLineNumberedMessages(String caseName, String yaml, String fragment, String alsoFragment) {
        String message = fails(yaml.replace("'parameters: {lr: [1, 2'", "parameters: {lr: [1, 2")).getMessage();
        assertTrue(message.contains(fragment.trim()), message);
        assertTrue(message.contains(alsoFragment.trim()), message);
    }

    @ParameterizedTest(name = "method: {0} -> {1}")
    @CsvSource({"random, random(seed=3)", "halton, halton(seed=3)",
        "bayes, 'tpe(seed=3, startupTrials=10, candidates=24, gamma=0.25)'"})
    void eachMethodGetsItsSampler(String method, String sampler) {
        Sweep sweep = SweepParser.parse(MINIMAL.replace("method: random", "method: " + method), "sweep.yaml", "s");
        assertEquals(Sweep.Method.valueOf(method.toUpperCase(java.util.Locale.ROOT)), sweep.method());
        assertEquals(sampler, sweep.sampler().apply(3).describe());
    }

    @Test
    void hyperbandMeansBracketsUpToTheModelsEpochsAndAshaOneBracket() {
        String hyperband = MINIMAL.replace("epochs: 3", "epochs: 9") + "early_terminate: {type: hyperband, min_iter: 1, eta: 3}\n";
        Sweep.EarlyTerminate early = SweepParser.parse(hyperband, "sweep.yaml", "s").earlyTerminate();
        assertEquals(9, early.maxIter());
        assertEquals("hyperband(minEpochs=1, maxEpochs=9, reductionFactor=3)", early.pruner().toString());
        String capped = hyperband.replace("min_iter: 1,", "min_iter: 1, max_iter: 6,");
        assertEquals("hyperband(minEpochs=1, maxEpochs=6, reductionFactor=3)",
                SweepParser.parse(capped, "sweep.yaml", "s").earlyTerminate().pruner().toString());
        String asha = hyperband.replace("type: hyperband", "type: asha");
        assertEquals("successiveHalving(minEpochs=1, reductionFactor=3)",
                SweepParser.parse(asha, "sweep.yaml", "s").earlyTerminate().pruner().toString());
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsOwnLine() {
        String yaml = String.join("\n",
                "method: randm",
                "trials: 0",
                "parameters:",
                "  lr: {distribution: log_uniform, min: 1.0e-4, max: 1.0e-1}",
                "  unitz: {values: [8]}");
        SweepException e = fails(yaml);
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("3 problems in the sweep file:"), e.getMessage());
        assertTrue(e.getMessage().contains("sweep.yaml line 1: unknown method 'randm'"), e.getMessage());
        assertTrue(e.getMessage().contains("sweep.yaml line 2: trials must be >= 1, got trials=0"), e.getMessage());
        assertTrue(e.getMessage().contains("sweep.yaml line 5: unknown parameter 'unitz'"), e.getMessage());
    }

    @Test
    void aKnobSearchedAndFixedAtOnceIsAnError() {
        String yaml = String.join("\n",
                "model: {data: circles, units: 32}",
                "parameters:",
                "  units: {values: [8, 16]}");
        assertTrue(fails(yaml).getMessage().contains("line 3: 'units' is searched here and also fixed under model: (line 1)"));
    }

    @Test
    void duplicateKeysAreCaught() {
        String yaml = String.join("\n", "trials: 3", "trials: 4", "parameters: {lr: {values: [0.1]}}");
        assertTrue(fails(yaml).getMessage().contains("line 2: 'trials' is given twice (first on line 1)"));
    }

    @Test
    void aValidationMetricNeedsValidationData() {
        String yaml = MINIMAL.replace("validation_size: 50", "validation_size: 0");
        assertTrue(fails(yaml).getMessage().contains("needs validation data"));
    }

    @Test
    void theMidpointTrialOfAParsedSweepIsAValidModel() {
        Sweep sweep = SweepParser.parse(MINIMAL, "sweep.yaml", "s");
        ModelSpec spec = sweep.space().build(sweep.space().midpointTrial());
        assertEquals(2, spec.inputSize());
        Trial t = sweep.space().midpointTrial();
        assertEquals(1e-4 * Math.pow(1e3, 0.5), (Double) t.params().get("lr"), 1e-12);
    }
}
