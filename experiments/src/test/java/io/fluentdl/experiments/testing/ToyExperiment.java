package io.fluentdl.experiments.testing;

import io.fluentdl.experiments.ExperimentInfo;
import io.fluentdl.experiments.ResultsExperiment;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.progress.ProgressTask;
import io.fluentdl.experiments.results.ExperimentOutput;
import io.fluentdl.experiments.results.ParamCounts;
import io.fluentdl.experiments.results.Reference;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.SeedRun;
import io.fluentdl.experiments.results.VariantResult;
import io.fluentdl.experiments.results.VariantSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast stand-in experiment for runner and report tests: deterministic synthetic curves, no
 * training. Variant "slow" never reaches 80% test accuracy, so the "never" path is covered.
 */
public final class ToyExperiment implements ResultsExperiment {

    public static final List<String> VARIANTS = List.of("fast", "slow");

    private static final ExperimentInfo INFO = ExperimentInfo.of("toy",
            "Synthetic curves for tests; trains nothing.",
            10, 4);

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public ExperimentOutput run(RunContext context) {
        return new ExperimentOutput(results(context.seeds(), context.epochs(), context), specs());
    }

    /** The toy results for the given seeds and epochs, without a run context. */
    public static Results results(List<Long> seeds, int epochs) {
        return results(seeds, epochs, null);
    }

    private static Results results(List<Long> seeds, int epochs, RunContext context) {
        List<VariantResult> variants = new ArrayList<>();
        for (String variant : VARIANTS) {
            double ceiling = variant.equals("fast") ? 0.9 : 0.7;
            ProgressTask task = context == null ? null : context.progress().start(variant, (long) seeds.size() * epochs);
            List<SeedRun> runs = new ArrayList<>();
            for (long seed : seeds) {
                List<Double> trainAcc = new ArrayList<>();
                List<Double> testAcc = new ArrayList<>();
                List<Double> trainLoss = new ArrayList<>();
                List<Double> testLoss = new ArrayList<>();
                for (int e = 1; e <= epochs; e++) {
                    double acc = ceiling * (1 - Math.exp(-e / 2.0)) + 0.001 * seed;
                    trainAcc.add(acc + 0.01);
                    testAcc.add(acc);
                    trainLoss.add(1 - acc);
                    testLoss.add(1.05 - acc);
                    if (task != null) {
                        task.step();
                    }
                }
                runs.add(new SeedRun(seed, trainAcc, testAcc, trainLoss, testLoss));
            }
            VariantResult result = VariantResult.of(variant, new ParamCounts(10, 8, 2), runs);
            if (task != null) {
                task.close(String.format("test %.3f", result.testAccuracy().mean()));
            }
            variants.add(result);
        }
        Reference reference = Reference.from("made up for tests").with("fast", 0.9, 0.89);
        return new Results("toy", seeds, epochs, reference, variants);
    }

    /** Specs as JSON text with a summary each. */
    public static List<VariantSpec> specs() {
        return VARIANTS.stream()
                .map(v -> new VariantSpec(v, String.format("{\"name\":\"%s\"}", v), String.format("Model \"%s\" <summary>", v)))
                .toList();
    }
}
