package io.fluentdl.track;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.callbacks.Callback;
import io.fluentdl.data.Dataset;
import io.fluentdl.optim.Sgd;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import io.fluentdl.train.EpochMetrics;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How much the tracker adds to training time: the same small MLP trained on the same synthetic data
 * with and without a tracker, alternating (so drift and neighbours' load hit both arms alike), and the
 * medians compared. Not a test: timings on a shared machine do not belong in assertions. The bench can
 * call {@link #measure}; {@code main} prints a table for the settings that matter:
 * <pre>
 * java -cp ... io.fluentdl.track.TrackerOverhead [repeats] [epochs] [epoch-only]
 * </pre>
 * Only {@code fit} is timed; starting and finishing a run (directory, run.json, SQLite) is a fixed
 * cost per run, reported apart. Two clocks: wall time, and the training thread's CPU time, which is
 * what to believe on a shared machine (other processes' load shows in wall time, not in CPU time;
 * with {@code OMP_NUM_THREADS=1} ND4J and OpenBLAS compute on the calling thread, so its CPU time is
 * the training work plus the tracker's).
 */
public final class TrackerOverhead {

    /** Examples, features and classes of the synthetic task; the MLP is 100-256-128-10, batch 32. */
    static final int EXAMPLES = 4096;
    static final int FEATURES = 100;
    static final int CLASSES = 10;
    static final int BATCH = 32;

    private TrackerOverhead() {
    }

    /**
     * What one measurement found.
     *
     * @param baselineSeconds    median fit wall time without a tracker
     * @param trackedSeconds     median fit wall time with the tracker
     * @param baselineCpuSeconds median CPU time of the training thread without a tracker
     * @param trackedCpuSeconds  median CPU time of the training thread with the tracker
     * @param startFinishMs      median wall time to start and finish a run (fixed cost, not in the ratios)
     * @param repeats            timed fits per arm
     */
    public record Result(double baselineSeconds, double trackedSeconds, double baselineCpuSeconds,
                         double trackedCpuSeconds, double startFinishMs, int repeats) {

        /** Wall time, tracked / baseline - 1: 0.03 is 3 % slower. */
        public double overhead() {
            return trackedSeconds / baselineSeconds - 1;
        }

        /** Training-thread CPU time, tracked / baseline - 1. */
        public double cpuOverhead() {
            return trackedCpuSeconds / baselineCpuSeconds - 1;
        }
    }

    /**
     * Trains {@code repeats} times per arm for {@code epochs} epochs, alternating arms after one untimed
     * warm-up of each, and returns the medians.
     *
     * @param root     where the tracked runs are written
     * @param settings the tracker settings to measure, e.g. {@code b -> b.stepEvery(0)} for per-epoch logging
     */
    public static Result measure(Path root, int repeats, int epochs, UnaryOperator<TrackerBuilder> settings) {
        ModelSpec spec = spec();
        Dataset data = synthetic();
        double[][] baseline = new double[2][repeats];
        double[][] tracked = new double[2][repeats];
        double[] fixed = new double[repeats];
        for (int i = -1; i < repeats; i++) {
            double[] b = fit(spec, data, epochs, null);
            long t0 = System.nanoTime();
            Tracker tracker = settings.apply(Tracker.in(root).experiment("tracker-overhead").name("tracked")
                    .config(spec).provenance(Map.of())).start();
            long t1 = System.nanoTime();
            double[] t = fit(spec, data, epochs, tracker);
            long t2 = System.nanoTime();
            tracker.finish();
            long t3 = System.nanoTime();
            if (i >= 0) { // i = -1 warms up both arms (JIT, native buffers, SQLite driver)
                for (int clock = 0; clock < 2; clock++) {
                    baseline[clock][i] = b[clock];
                    tracked[clock][i] = t[clock];
                }
                fixed[i] = ((t1 - t0) + (t3 - t2)) / 1e6;
            }
        }
        return new Result(median(baseline[0]), median(tracked[0]), median(baseline[1]), median(tracked[1]),
                median(fixed), repeats);
    }

    /**
     * The tracker's own cost, timed apart from training so that a loaded machine cannot hide it: the
     * listener's per-iteration callbacks ({@code onGradientCalculation} + {@code iterationDone}) at
     * iterations it does not log, and one epoch's logging (DL4J listener + Model adapter: merge, one
     * JSON line, flush). Multiply by iterations per epoch and divide by an epoch's training time to get
     * the overhead of per-epoch logging. Timed in the thread's CPU time (the work, not the waiting).
     *
     * @return {nanoseconds per unlogged iteration, microseconds per logged epoch}
     */
    public static double[] listenerCost(Path root, int iterations, int epochs) {
        ModelSpec spec = spec();
        Model model = Model.of(spec);
        model.fit(synthetic().first(BATCH * 4), 1, BATCH); // a trained network in a realistic state
        Tracker tracker = Tracker.in(root).experiment("tracker-overhead").name("listener-cost").config(spec)
                .provenance(Map.of()).stepEvery(0).start();
        Callback adapter = tracker.callback();
        TrainingListener listener = Model.listener(adapter);
        EpochMetrics metrics = new EpochMetrics(1, 0.5, 0.8, 0.6, 0.75, 1.0, 0.01);
        MultiLayerNetwork net = model.network();
        double[] result = new double[2];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) { // round 0 warms up the JIT
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 1; i <= iterations; i++) {
                listener.onGradientCalculation(net);
                listener.iterationDone(net, i, 0);
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (int e = 0; e < epochs; e++) {
                listener.onEpochStart(net);
                listener.onEpochEnd(net);
                adapter.onEpochEnd(e + 1, metrics, null);
            }
            long t2 = threads.getCurrentThreadCpuTime();
            result[0] = (double) (t1 - t0) / iterations;
            result[1] = (t2 - t1) / 1e3 / epochs;
        }
        tracker.finish();
        return result;
    }

    private static ModelSpec spec() {
        return Sequential.named("overhead-mlp").input(FEATURES)
                .dense(256, RELU, HE_UNIFORM).dense(128, RELU, HE_UNIFORM)
                .output(CLASSES, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .optimizer(Sgd.of(0.01).momentum(0.9)).seed(7).build();
    }

    /** {wall seconds, training-thread CPU seconds} of one fit. */
    private static double[] fit(ModelSpec spec, Dataset data, int epochs, Tracker tracker) {
        Model model = Model.of(spec);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start;
        long cpuStart;
        if (tracker == null) {
            start = System.nanoTime();
            cpuStart = threads.getCurrentThreadCpuTime();
            model.fit(data, epochs, BATCH);
        } else {
            start = System.nanoTime();
            cpuStart = threads.getCurrentThreadCpuTime();
            model.fit(data, epochs, BATCH, tracker.callback());
        }
        return new double[] {(System.nanoTime() - start) / 1e9, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9};
    }

    /** Gaussian features with labels from a fixed random linear map: learnable, deterministic. */
    private static Dataset synthetic() {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.FLOAT, EXAMPLES, FEATURES);
        INDArray scores = x.mmul(Nd4j.randn(DataType.FLOAT, FEATURES, CLASSES));
        INDArray labels = Nd4j.zeros(DataType.FLOAT, EXAMPLES, CLASSES);
        INDArray argmax = scores.argMax(1);
        for (int i = 0; i < EXAMPLES; i++) {
            labels.putScalar(i, argmax.getInt(i), 1.0);
        }
        return Model.dataset(x, labels);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    public static void main(String[] args) throws IOException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path root = Files.createTempDirectory("tracker-overhead");
        System.out.printf("Tracker overhead: MLP %d-256-128-%d, %d examples, batch %d (%d iterations/epoch), %d epochs, "
                        + "median of %d interleaved fits per arm; OMP_NUM_THREADS=%s; runs in %s%n",
                FEATURES, CLASSES, EXAMPLES, BATCH, EXAMPLES / BATCH, epochs, repeats,
                System.getenv("OMP_NUM_THREADS"), root);
        double[] cost = listenerCost(root, 2_000_000, 2_000);
        Result epochOnly = measure(root, repeats, epochs, b -> b.stepEvery(0));
        row("per-epoch only (stepEvery=0)", epochOnly);
        double epochCpu = epochOnly.baselineCpuSeconds() / epochs;
        printCost(cost, epochCpu);
        if (args.length > 2 && args[2].equals("epoch-only")) {
            return;
        }

        row("default (stepEvery=10)", measure(root, repeats, epochs, b -> b));
        row("every step (stepEvery=1)", measure(root, repeats, epochs, b -> b.stepEvery(1)));
        row("histograms every 100 iterations", measure(root, repeats, epochs, b -> b.stepEvery(0).histogramEvery(100)));
    }

    private static void printCost(double[] cost, double epochCpuSeconds) {
        double share = (cost[0] * 1e-9 * (EXAMPLES / BATCH) + cost[1] * 1e-6) / epochCpuSeconds;
        System.out.printf("listener cost (thread CPU): %.1f ns per unlogged iteration, %.1f us per logged epoch; "
                        + "at %d iterations and %.3f s CPU per epoch that is %.4f %% of training%n",
                cost[0], cost[1], EXAMPLES / BATCH, epochCpuSeconds, 100 * share);
    }

    private static void row(String what, Result r) {
        System.out.printf("%-34s CPU %.3f -> %.3f s (%+.2f %%)   wall %.3f -> %.3f s (%+.2f %%)   start+finish %.1f ms%n",
                what, r.baselineCpuSeconds(), r.trackedCpuSeconds(), 100 * r.cpuOverhead(),
                r.baselineSeconds(), r.trackedSeconds(), 100 * r.overhead(), r.startFinishMs());
    }
}
