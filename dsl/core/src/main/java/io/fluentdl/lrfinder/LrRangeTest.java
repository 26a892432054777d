package io.fluentdl.lrfinder;

import io.fluentdl.Model;
import io.fluentdl.data.Dataset;
import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.callbacks.Callback;
import io.fluentdl.lrfinder.LrRangeResult.Point;
import io.fluentdl.train.BatchMetrics;
import io.fluentdl.train.TrainMetrics;
import io.fluentdl.train.TrainingControl;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning-rate range test (Smith 2017, §3.3; fastai's {@code lr_find}): train for a few hundred
 * mini-batches while the rate grows exponentially from {@code from} to {@code to}, and watch the loss.
 *
 * <p>Mini-batch {@code i} of {@code N} trains with {@code lr_i = from · (to/from)^(i/(N−1))}. Its loss
 * {@code L_i} (before the update) feeds a bias-corrected moving average
 * {@code s_i = avg_i / (1 − β^(i+1))}, {@code avg_i = β·avg_(i−1) + (1−β)·L_i}. The test stops early once
 * {@code s_i > divergeFactor · min(s)} or the loss is not finite. Use it before training to choose a rate:
 * the loss first barely moves, then falls, then explodes; a good rate lies on the falling part
 * ({@link LrRangeResult#suggestedSteepest()}, {@link LrRangeResult#suggestedMinOver10()}).
 *
 * <pre>{@code
 * LrRangeResult r = LrRangeTest.on(Model.of(spec)).from(1e-7).to(10).iterations(100).run(train, 128);
 * Model model = Model.of(spec.toBuilder().optimizer(Sgd.of(r.suggestedSteepest()).momentum(0.9)).build());
 * }</pre>
 *
 * <p>The model is left exactly as it was: the test trains an independent copy (weights, BN statistics,
 * updater state, iteration counters, learning rate and schedule of the model are untouched).
 * It is a {@link Callback} on {@code model.copy().fit(...)}: mini-batches come in the order
 * {@code Model.fit} uses (the spec's seed), epoch after epoch; the updater is the model's own
 * (momentum, Adam moments keep building up).
 *
 * <p>Maps to DL4J: {@link io.fluentdl.train.TrainingControl#setLearningRate} before each mini-batch
 * ({@code MultiLayerNetwork.setLearningRate(lr_i)}, which replaces any schedule on the copy and keeps its
 * updater state); the loss is DL4J's {@code score()} of that mini-batch.
 */
public final class LrRangeTest {

    public static final double DEFAULT_FROM = 1e-7;
    public static final double DEFAULT_TO = 10.0;
    public static final int DEFAULT_ITERATIONS = 100;
    public static final double DEFAULT_SMOOTHING = 0.98;
    public static final double DEFAULT_DIVERGE_FACTOR = 4.0;

    private static final String WHERE = "LrRangeTest";

    private final Model model;
    private final double from;
    private final double to;
    private final int iterations;
    private final double smoothing;
    private final double divergeFactor;

    private LrRangeTest(Model model, double from, double to, int iterations, double smoothing, double divergeFactor) {
        this.model = model;
        this.from = from;
        this.to = to;
        this.iterations = iterations;
        this.smoothing = smoothing;
        this.divergeFactor = divergeFactor;
    }

    /** A test of {@code model} with fastai's defaults: 1e-7 to 10 over 100 mini-batches, β 0.98, stop at 4×. */
    public static LrRangeTest on(Model model) {
        Check.notNull(WHERE, "model", model);
        return new LrRangeTest(model, DEFAULT_FROM, DEFAULT_TO, DEFAULT_ITERATIONS, DEFAULT_SMOOTHING,
                DEFAULT_DIVERGE_FACTOR);
    }

    /** The first rate, {@code > 0}; default {@value #DEFAULT_FROM}. */
    public LrRangeTest from(double learningRate) {
        Check.positive(WHERE, "from", learningRate);
        return new LrRangeTest(model, learningRate, to, iterations, smoothing, divergeFactor);
    }

    /** The last rate, above {@code from}; default {@value #DEFAULT_TO}. */
    public LrRangeTest to(double learningRate) {
        Check.positive(WHERE, "to", learningRate);
        return new LrRangeTest(model, from, learningRate, iterations, smoothing, divergeFactor);
    }

    /** Mini-batches {@code N}, {@code >= 2}; default {@value #DEFAULT_ITERATIONS}. */
    public LrRangeTest iterations(int count) {
        Check.atLeast(WHERE, "iterations", count, 2);
        return new LrRangeTest(model, from, to, count, smoothing, divergeFactor);
    }

    /** β of the loss's moving average, in [0, 1) (0: no smoothing); default {@value #DEFAULT_SMOOTHING}. */
    public LrRangeTest smoothing(double beta) {
        Check.inHalfOpen(WHERE, "smoothing", beta, 0, 1, "");
        return new LrRangeTest(model, from, to, iterations, beta, divergeFactor);
    }

    /** Stop once the smoothed loss exceeds this multiple of its minimum, {@code > 1}; default {@value #DEFAULT_DIVERGE_FACTOR}. */
    public LrRangeTest divergeFactor(double factor) {
        if (!(factor > 1) || Double.isInfinite(factor)) {
            throw InvalidConfigException.of(WHERE, "divergeFactor", factor,
                    String.format("divergeFactor must be a finite number > 1, got divergeFactor=%s", factor), "");
        }
        return new LrRangeTest(model, from, to, iterations, smoothing, factor);
    }

    /** The rate of mini-batch {@code i}: {@code from · (to/from)^(i/(N−1))}. */
    public double learningRateAt(int i) {
        return from * Math.pow(to / from, (double) i / (iterations - 1));
    }

    /**
     * Runs the test on mini-batches of {@code train}.
     *
     * @param train     training examples; {@code iterations} mini-batches are drawn, wrapping into new epochs
     * @param batchSize examples per mini-batch, {@code >= 1}; use the size you will train with
     */
    public LrRangeResult run(Dataset train, int batchSize) {
        Check.notNull(WHERE, "train", train);
        Check.atLeast(WHERE, "batchSize", batchSize, 1);
        if (!(to > from)) {
            throw InvalidConfigException.of(WHERE, "to", to,
                    String.format("the range must rise, got from=%s, to=%s", from, to), "");
        }
        // a copy trains (the model keeps its weights), with running train metrics (no extra pass per epoch);
        // the sweep stops fit after its last mini-batch or when the loss diverges
        Sweep sweep = new Sweep();
        int batchesPerEpoch = (train.size() + batchSize - 1) / batchSize;
        model.copy().trainMetrics(TrainMetrics.RUNNING).verbose(0)
                .fit(train, (iterations + batchesPerEpoch - 1) / batchesPerEpoch, batchSize, sweep);
        return sweep.result != null ? sweep.result : new LrRangeResult(sweep.points, false, String.format(
                "ran all %d iterations up to lr=%s", iterations, learningRateAt(iterations - 1)));
    }

    /** Sets mini-batch i's rate before it runs, records its loss after, and stops at the end or on divergence. */
    private final class Sweep implements Callback {
        private final List<Point> points = new ArrayList<>();
        private double average;
        private double best = Double.POSITIVE_INFINITY;
        private int i;
        private LrRangeResult result;

        @Override
        public void onTrainBegin(TrainingControl control) {
            control.setLearningRate(learningRateAt(0));
        }

        @Override
        public void onBatchEnd(int batch, BatchMetrics logs, TrainingControl control) {
            double lr = learningRateAt(i);
            double loss = logs.loss();
            if (!Double.isFinite(loss)) {
                result = new LrRangeResult(points, true, String.format("the loss became %s at iteration %d (lr=%s)", loss, i, lr));
                control.stop();
                return;
            }
            average = smoothing * average + (1 - smoothing) * loss;
            double smoothed = average / (1 - Math.pow(smoothing, i + 1));
            points.add(new Point(i, lr, loss, smoothed));
            best = Math.min(best, smoothed);
            if (smoothed > divergeFactor * best) {
                result = new LrRangeResult(points, i < iterations - 1, String.format(
                        "the smoothed loss %s exceeded %s x its minimum %s at iteration %d (lr=%s)",
                        smoothed, divergeFactor, best, i, lr));
                control.stop();
            } else if (++i == iterations) {
                control.stop();
            } else {
                control.setLearningRate(learningRateAt(i));
            }
        }
    }

    @Override
    public String toString() {
        return String.format("LrRangeTest(from=%s, to=%s, iterations=%d, smoothing=%s, divergeFactor=%s)",
                from, to, iterations, smoothing, divergeFactor);
    }
}
