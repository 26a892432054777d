package io.fluentdl.experiments.bn;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
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
import io.fluentdl.experiments.runs.UnitRunner;
import io.fluentdl.report.ParamCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does batch normalization speed up learning on two circles, and does it matter where it goes?
 *
 * <p>Re-runs the lecture's case study (after Brownlee, "How to Accelerate Learning of Deep Neural
 * Networks With Batch Normalization"): make_circles with n=1000, noise 0.1, seed 1 (our exact port);
 * the first 500 points train, the last 500 test, no scaling; Dense(50, relu, he_uniform) then
 * Dense(1, sigmoid); SGD lr 0.01 with classic momentum 0.9; batch 32; 100 epochs. Unlike the
 * published single run, every variant runs over several seeds (weights and batch order), because
 * one run varies more than the differences between variants.
 */
public final class BnCaseStudy implements ResultsExperiment {

    public static final String NAME = "bn-case-study";
    private static final Logger LOG = LoggerFactory.getLogger(BnCaseStudy.class);
    static final int POINTS = 1000;
    static final double NOISE = 0.1;
    static final long DATA_SEED = 1;
    static final int TRAIN_SIZE = 500;
    static final int BATCH_SIZE = 32;
    /**
     * Iterations between histograms of every layer's weights, gradients and updates (16 iterations
     * per epoch here, so about every 1.5 epochs): the lecture compares them with and without BN.
     */
    static final int HISTOGRAM_EVERY = 25;

    /** The published single run (train/test accuracy after 100 epochs). */
    static Reference reference() {
        return Reference.from("J. Brownlee, \"How to Accelerate Learning of Deep Neural Networks With Batch "
                        + "Normalization\" (Keras, single run, 100 epochs), as used in the lecture's case study")
                .with("no-bn", 0.838, 0.846)
                .with("bn-after", 0.846, 0.848)
                .with("bn-before", 0.826, 0.830);
    }

    private static final ExperimentInfo INFO = ExperimentInfo.of(NAME,
            "Batch norm on two circles: none, after/before ReLU, without gamma/beta or momentum, on the inputs.",
            100, 30);

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public ExperimentOutput run(RunContext context) throws Exception {
        Dataset all = Circles.dataset(POINTS, NOISE, DATA_SEED);
        Dataset train = all.slice(0, TRAIN_SIZE);
        Dataset test = all.slice(TRAIN_SIZE, POINTS);
        UnitRunner units = context.units(NAME);
        List<VariantResult> variants = new ArrayList<>();
        List<VariantSpec> specs = new ArrayList<>();
        for (BnVariants.Variant variant : BnVariants.all()) {
            ModelSpec first = variant.spec().apply(context.seeds().get(0));
            specs.add(new VariantSpec(variant.name(), first.toJson(), first.summary()));
            variants.add(runVariant(variant, train, test, context, units, params(first.params())));
        }
        return new ExperimentOutput(new Results(NAME, context.seeds(), context.epochs(), reference(), variants), specs);
    }

    private static VariantResult runVariant(BnVariants.Variant variant, Dataset train, Dataset test, RunContext context,
                                            UnitRunner units, ParamCounts params) throws Exception {
        ProgressTask task = context.progress().start(variant.name(), (long) context.seeds().size() * context.epochs());
        List<SeedRun> runs = new ArrayList<>();
        for (long seed : context.seeds()) {
            ModelSpec spec = variant.spec().apply(seed);
            runs.add(units.run(task, variant.name(), seed, spec, HISTOGRAM_EVERY, tracker -> {
                Model model = Model.of(spec);
                return model.fit(train, context.epochs(), BATCH_SIZE, test, tracker.callback(),
                        Callback.atEpochEnd(m -> {
                            task.step();
                            task.message(String.format(Locale.ROOT, "seed %d test %.3f", seed, m.validationAccuracy()));
                        }));
            }));
        }
        VariantResult result = VariantResult.of(variant.name(), params, runs);
        String summary = String.format(Locale.ROOT, "train %.3f ± %.3f  test %.3f ± %.3f", result.trainAccuracy().mean(),
                result.trainAccuracy().std(), result.testAccuracy().mean(), result.testAccuracy().std());
        LOG.info("{}: {} over seeds {}", variant.name(), summary, context.seeds());
        // the bar has little room next to it on an 80-column terminal: test accuracy only
        task.close(String.format(Locale.ROOT, "test %.3f ± %.3f", result.testAccuracy().mean(), result.testAccuracy().std()));
        return result;
    }

    private static ParamCounts params(ParamCount p) {
        return new ParamCounts(p.total(), p.trainable(), p.nonTrainable());
    }
}
