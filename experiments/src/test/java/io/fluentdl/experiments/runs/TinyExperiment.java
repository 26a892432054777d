package io.fluentdl.experiments.runs;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.callbacks.Callback;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
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
import io.fluentdl.optim.Sgd;
import java.util.ArrayList;
import java.util.List;

/**
 * A small real experiment for the resume tests: two variants (hidden units 4 and 8) on 200 circle
 * points, trained with DL4J through {@link UnitRunner}. {@link #hang} lets a child process stop
 * forever in the middle of one unit, so that a test can kill it there.
 */
public final class TinyExperiment implements ResultsExperiment {

    public static final String NAME = "tiny";
    static final List<Integer> UNITS = List.of(4, 8);

    /** Called after every epoch with (unit index in run order, epoch); the kill test's child blocks in it. */
    static volatile UnitHook hang = (unit, epoch) -> { };

    /** A hook into the training loop. */
    @FunctionalInterface
    interface UnitHook {
        void afterEpoch(int unit, int epoch) throws InterruptedException;
    }

    private static final ExperimentInfo INFO = ExperimentInfo.of(NAME,
            "Two tiny circle classifiers, for the resume tests.",
            3, 3);

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    static ModelSpec spec(int units, long seed) {
        return Sequential.named("tiny-" + units).input(2).dense(units, RELU, HE_UNIFORM)
                .output(1, SIGMOID, BINARY_CROSSENTROPY).optimizer(Sgd.of(0.05).momentum(0.9)).seed(seed).build();
    }

    @Override
    public ExperimentOutput run(RunContext context) throws Exception {
        Dataset all = Circles.dataset(200, 0.1, 1);
        Dataset train = all.slice(0, 100);
        Dataset test = all.slice(100, 200);
        UnitRunner runner = context.units(NAME);
        List<VariantResult> variants = new ArrayList<>();
        List<VariantSpec> specs = new ArrayList<>();
        int unit = 0;
        for (int units : UNITS) {
            String variant = "units-" + units;
            ProgressTask task = context.progress().start(variant, (long) context.seeds().size() * context.epochs());
            List<SeedRun> runs = new ArrayList<>();
            for (long seed : context.seeds()) {
                ModelSpec spec = spec(units, seed);
                int index = unit++;
                runs.add(runner.run(task, variant, seed, spec, 5, tracker -> {
                    Model model = Model.of(spec);
                    return model.fit(train, context.epochs(), 16, test, tracker.callback(), Callback.atEpochEnd(m -> {
                        task.step();
                        try {
                            hang.afterEpoch(index, m.epoch());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
                }));
            }
            task.close("done");
            ModelSpec first = spec(units, context.seeds().get(0));
            specs.add(new VariantSpec(variant, first.toJson(), first.summary()));
            variants.add(VariantResult.of(variant, new ParamCounts(first.params().total(), first.params().trainable(),
                    first.params().nonTrainable()), runs));
        }
        return new ExperimentOutput(new Results(NAME, context.seeds(), context.epochs(), Reference.none(), variants), specs);
    }
}
