package io.fluentdl.experiments.mnist;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.callbacks.Callback;
import io.fluentdl.data.Mnist;
import io.fluentdl.data.MnistData;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.progress.ProgressTask;
import io.fluentdl.experiments.results.LrCurve;
import io.fluentdl.experiments.results.ParamCounts;
import io.fluentdl.experiments.results.SeedRun;
import io.fluentdl.experiments.results.VariantResult;
import io.fluentdl.experiments.results.VariantSpec;
import io.fluentdl.experiments.runs.UnitRunner;
import io.fluentdl.report.ParamCount;
import io.fluentdl.schedule.LearningRate;
import io.fluentdl.schedule.LearningRates;
import io.fluentdl.train.TrainMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the MNIST experiments share: loading the data they ask for, training one variant over the
 * run's seeds as tracked units (as {@code bn-case-study} does; {@code --resume} reuses finished
 * units), and the per-variant numbers every MNIST report shows (final test and train error).
 */
public final class MnistRuns {

    /**
     * Test-only: a system property {@code "train,test"} that caps the number of MNIST images every
     * MNIST experiment loads (e.g. {@code "300,100"}), so that CI-sized tests run in seconds. Not a
     * command-line option on purpose: results made with it do not answer the experiment's question.
     */
    public static final String LIMIT_PROPERTY = "fluentdl.experiments.mnist.limit";

    /** Metric names in results.json. */
    public static final String TEST_ERROR = "testError";
    public static final String TRAIN_ERROR = "trainError";
    public static final String MIN_TEST_ERROR = "minTestError";
    public static final String TEST_ERROR_JITTER = "testErrorJitter";

    private static final Logger LOG = LoggerFactory.getLogger(MnistRuns.class);

    /** A variant to train: its name, a line on what distinguishes it, and its spec per seed. */
    /**
     * One network to train: its name, a description, its spec for a seed, and how {@code fit} measures
     * the training metrics of an epoch ({@link TrainMetrics#FULL_PASS} unless an experiment follows
     * Keras' running means, which save a forward pass over the training set per epoch).
     */
    public record Variant(String name, String description, LongFunction<ModelSpec> spec, TrainMetrics trainMetrics) {

        public Variant(String name, String description, LongFunction<ModelSpec> spec) {
            this(name, description, spec, TrainMetrics.FULL_PASS);
        }
    }

    private MnistRuns() {
    }

    /** The lecture's images: its 5,000 / 1,000, or MnistMomentum's smaller sets with --quick. */
    public static MnistData lectureData(RunContext context) {
        return context.quick() ? load(context, MnistMomentum.QUICK_TRAIN, MnistMomentum.QUICK_TEST)
                : load(context, LectureMlp.TRAIN_SIZE, LectureMlp.TEST_SIZE);
    }

    /** The first {@code train} training and {@code test} test images, from --data or the default lookup. */
    public static MnistData load(RunContext context, int train, int test) {
        int[] cap = cap();
        MnistData loaded = Mnist.load(context.dataDir().orElse(null), Math.min(train, cap[0]), Math.min(test, cap[1]));
        MnistData data = context.datasetName().map(loaded::named).orElse(loaded);
        LOG.info("{} from {}: {} train, {} test images{}", data.name(), data.source(), data.train().size(),
                data.test().size(), data.isMnist() ? "" : " (not MNIST by its SHA-256 sums: no MNIST reference numbers)");
        return data;
    }

    private static int[] cap() {
        String value = System.getProperty(LIMIT_PROPERTY);
        if (value == null || value.isBlank()) {
            return new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE};
        }
        String[] parts = value.split(",");
        return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
    }

    /** The spec of a variant for the run's first seed, for provenance. */
    public static VariantSpec specOf(Variant variant, RunContext context) {
        ModelSpec first = variant.spec().apply(context.seeds().get(0));
        return new VariantSpec(variant.name(), first.toJson(), first.summary());
    }

    /**
     * Trains {@code variant} once per seed and summarises it: the standard accuracies plus final test
     * and train error and the lowest test error of any epoch (mean ± std over seeds).
     */
    public static VariantResult train(Variant variant, MnistData data, int batchSize, RunContext context,
                                      UnitRunner units) throws Exception {
        ProgressTask task = context.progress().start(variant.name(), (long) context.seeds().size() * context.epochs());
        List<SeedRun> runs = new ArrayList<>();
        ModelSpec first = null;
        for (long seed : context.seeds()) {
            ModelSpec spec = variant.spec().apply(seed);
            first = first == null ? spec : first;
            runs.add(units.run(task, variant.name(), seed, spec, 0, tracker -> {
                Model model = Model.of(spec).trainMetrics(variant.trainMetrics());
                return model.fit(data.train(), context.epochs(), batchSize, data.test(), tracker.callback(),
                        Callback.atEpochEnd(m -> {
                            task.step();
                            task.message(String.format(Locale.ROOT, "seed %d test err %.4f", seed, 1 - m.validationAccuracy()));
                        }));
            }));
        }
        VariantResult result = VariantResult.of(variant.name(), params(first.params()), runs)
                .withDescription(variant.description())
                .withMetric(TEST_ERROR, runs.stream().map(r -> 1 - r.finalTestAccuracy()).toList())
                .withMetric(TRAIN_ERROR, runs.stream().map(r -> 1 - r.finalTrainAccuracy()).toList())
                .withMetric(MIN_TEST_ERROR, runs.stream()
                        .map(r -> 1 - r.testAccuracy().stream().mapToDouble(Double::doubleValue).max().orElseThrow()).toList());
        double mean = result.metrics().get(TEST_ERROR).mean();
        double std = result.metrics().get(TEST_ERROR).std();
        LOG.info("{}: test error {} ± {} over seeds {}", variant.name(), fmt(mean), fmt(std), context.seeds());
        task.close(String.format(Locale.ROOT, "test err %.4f ± %.4f", mean, std));
        return result;
    }

    /** The experiment's tracked units (see {@link UnitRunner}), recording each epoch's learning rate. */
    public static UnitRunner units(RunContext context, String experiment) {
        return context.units(experiment).recordingLearningRates();
    }

    /**
     * How much the test error fluctuates late in training: the mean absolute change of test error from
     * one epoch to the next over the last quarter of the epochs (at least the last two).
     */
    static double jitter(SeedRun run) {
        List<Double> error = run.testAccuracy();
        int n = error.size();
        if (n < 2) {
            return 0;
        }
        int from = Math.max(1, n - Math.max(2, n / 4));
        double sum = 0;
        for (int i = from; i < n; i++) {
            sum += Math.abs(error.get(i) - error.get(i - 1));
        }
        return sum / (n - from);
    }

    /** Mini-batches per epoch, counting a smaller last batch. */
    public static int stepsPerEpoch(int examples, int batchSize) {
        return (examples + batchSize - 1) / batchSize;
    }

    /** The schedule's formula over {@code epochs}, at most ~{@code points} points, x in epochs. */
    static LrCurve curve(LearningRate rate, int epochs, int stepsPerEpoch, int points) {
        long iterations = (long) epochs * stepsPerEpoch;
        double[] values = LearningRates.sample(rate, iterations, stepsPerEpoch);
        int every = (int) Math.max(1, iterations / points);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < values.length; i += every) {
            x.add((double) i / stepsPerEpoch);
            y.add(values[i]);
        }
        return new LrCurve(x, y);
    }

    static ParamCounts params(ParamCount p) {
        return new ParamCounts(p.total(), p.trainable(), p.nonTrainable());
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }
}
