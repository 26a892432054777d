package io.fluentdl.experiments.lrtest;

import io.fluentdl.Model;
import io.fluentdl.data.MnistData;
import io.fluentdl.experiments.ExperimentInfo;
import io.fluentdl.experiments.ResultsExperiment;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.mnist.LectureMlp;
import io.fluentdl.experiments.mnist.MnistRuns;
import io.fluentdl.experiments.results.ExperimentOutput;
import io.fluentdl.experiments.runs.UnitRunner;
import io.fluentdl.experiments.results.RangeTest;
import io.fluentdl.experiments.results.Reference;
import io.fluentdl.experiments.results.DatasetInfo;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.VariantResult;
import io.fluentdl.experiments.results.VariantSpec;
import io.fluentdl.lrfinder.LrRangeResult;
import io.fluentdl.lrfinder.LrRangeTest;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.Optimizer;
import io.fluentdl.optim.Sgd;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What learning rate does the LR range test suggest for the lecture's MNIST MLP, and does it train?
 *
 * <p>For every seed, Smith's range test ({@link LrRangeTest}) runs on {@link LectureMlp} twice: with
 * SGD + classic momentum 0.9 (rates 1e-5 to 10) and with Adam (1e-6 to 1), {@value #ITERATIONS}
 * mini-batches of 100 each, smoothing 0.98, stopping at 4× the best smoothed loss. Then SGD with
 * momentum 0.9 trains for the run's epochs at each seed's own two suggestions (steepest descent of
 * the smoothed loss, and the loss minimum's rate / 10) and, for comparison, at the lecture's
 * hand-picked 0.03. The claim (Smith 2017): the test finds a workable rate in one short run.
 */
public final class LrRangeTestExperiment implements ResultsExperiment {

    public static final String NAME = "lr-range-test";
    static final int ITERATIONS = 200;
    static final int QUICK_ITERATIONS = 60;
    static final double MOMENTUM = 0.9;
    static final String LEARNING_RATE = "learningRate";
    private static final Logger LOG = LoggerFactory.getLogger(LrRangeTestExperiment.class);

    /** An optimizer to range-test, and the range. */
    record Tested(String name, double from, double to, java.util.function.DoubleFunction<Optimizer> optimizer) {
    }

    static List<Tested> tested() {
        return List.of(new Tested("sgd-momentum-0.9", 1e-5, 10, lr -> Sgd.of(lr).momentum(MOMENTUM)),
                new Tested("adam", 1e-6, 1, Adam::of));
    }

    private static final ExperimentInfo INFO = ExperimentInfo.of(NAME,
            "LR range test on the lecture MNIST MLP (SGD momentum, Adam): loss vs rate, suggestions, trained.",
            20, 2).withSeeds(3, ExperimentInfo.DEFAULT_QUICK_SEEDS);

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public ExperimentOutput run(RunContext context) throws Exception {
        MnistData data = MnistRuns.lectureData(context);
        int iterations = context.quick() ? QUICK_ITERATIONS : ITERATIONS;
        UnitRunner units = MnistRuns.units(context, NAME);
        List<RangeTest> tests = new ArrayList<>();
        Map<Long, RangeTest> sgdTests = new HashMap<>();
        for (Tested t : tested()) {
            for (long seed : context.seeds()) {
                Model model = Model.of(LectureMlp.spec(t.name(), t.optimizer().apply(t.from()), false, seed));
                LrRangeResult r = LrRangeTest.on(model).from(t.from()).to(t.to()).iterations(iterations)
                        .run(data.train(), LectureMlp.BATCH_SIZE);
                RangeTest test = toRangeTest(t.name(), seed, r);
                LOG.info("range test {} seed {}: steepest {}, min/10 {} ({})", t.name(), seed, test.suggestedSteepest(),
                        test.suggestedMinOver10(), test.stopReason());
                tests.add(test);
                if (t.name().equals(tested().get(0).name())) {
                    sgdTests.put(seed, test);
                }
            }
        }
        List<VariantResult> variants = new ArrayList<>();
        List<VariantSpec> specs = new ArrayList<>();
        train("sgd-steepest", "steepest-descent suggestion", RangeTest::suggestedSteepest, sgdTests, data, context,
                units, variants, specs);
        train("sgd-min-over-10", "minimum/10 suggestion", RangeTest::suggestedMinOver10, sgdTests, data, context,
                units, variants, specs);
        train("sgd-lecture", "the lecture's hand-picked rate", t -> LectureMlp.LEARNING_RATE, sgdTests, data, context,
                units, variants, specs);
        Results results = new Results(NAME, context.seeds(), context.epochs(), Reference.none(), variants)
                .withRangeTests(tests)
                .withPlots(Results.LR_RANGE, Results.TEST_ERROR, Results.TRAIN_LOSS)
                .withDataset(DatasetInfo.of(data));
        return new ExperimentOutput(results, specs);
    }

    /** Trains SGD + momentum 0.9 at each seed's rate from {@code rate} and records that rate as a metric. */
    private static void train(String name, String what, ToDoubleFunction<RangeTest> rate, Map<Long, RangeTest> tests,
                              MnistData data, RunContext context, UnitRunner units, List<VariantResult> variants,
                              List<VariantSpec> specs) throws Exception {
        List<Double> rates = context.seeds().stream().map(seed -> rate.applyAsDouble(tests.get(seed))).toList();
        MnistRuns.Variant variant = new MnistRuns.Variant(name,
                String.format(Locale.ROOT, "SGD, classic momentum %s, lr = %s per seed (%s)", MOMENTUM,
                        rates.stream().map(r -> String.format(Locale.ROOT, "%.3g", r)).toList(), what),
                seed -> LectureMlp.spec(name, Sgd.of(rate.applyAsDouble(tests.get(seed))).momentum(MOMENTUM), false, seed));
        specs.add(MnistRuns.specOf(variant, context));
        variants.add(MnistRuns.train(variant, data, LectureMlp.BATCH_SIZE, context, units).withMetric(LEARNING_RATE, rates));
    }

    static RangeTest toRangeTest(String name, long seed, LrRangeResult r) {
        List<Double> rates = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        List<Double> smoothed = new ArrayList<>();
        for (LrRangeResult.Point p : r.points()) {
            rates.add(p.learningRate());
            losses.add(p.loss());
            smoothed.add(p.smoothedLoss());
        }
        return new RangeTest(name, seed, rates, losses, smoothed, r.suggestedSteepest(), r.suggestedMinOver10(),
                r.minimum().learningRate(), r.stopReason());
    }
}
