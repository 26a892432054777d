package io.fluentdl.lrfinder;

import io.fluentdl.errors.InvalidConfigException;
import java.util.List;

/**
 * The curve of an LR range test and the rates it suggests.
 *
 * <pre>{@code
 * LrRangeResult r = LrRangeTest.on(model).run(train, 128);
 * double lr = r.suggestedSteepest();       // or r.suggestedMinOver10()
 * r.points();                              // (lr, loss, smoothed loss) for a log-x plot
 * }</pre>
 *
 * @param points       one per mini-batch, in order of rising learning rate
 * @param stoppedEarly whether the test ended before its planned iterations (the loss diverged)
 * @param stopReason   why it ended, in words (also when it ran to the end)
 */
public record LrRangeResult(List<Point> points, boolean stoppedEarly, String stopReason) {

    /** Points ignored at the start by the steepest-slope suggestion (fastai's {@code skip_start}). */
    public static final int SKIP_START = 10;
    /** Points fastai ignores at the end ({@code skip_end}); our search ends at the minimum instead. */
    public static final int SKIP_END = 5;

    /**
     * One mini-batch of the test.
     *
     * @param iteration    0-based mini-batch number
     * @param learningRate the rate of this mini-batch's update
     * @param loss         the mini-batch's loss before that update (with regularization, as DL4J scores it)
     * @param smoothedLoss the bias-corrected exponential moving average of the losses so far
     */
    public record Point(int iteration, double learningRate, double loss, double smoothedLoss) {
    }

    public LrRangeResult {
        points = List.copyOf(points);
    }

    /** The learning rates, for plotting. */
    public double[] learningRates() {
        return points.stream().mapToDouble(Point::learningRate).toArray();
    }

    /** The smoothed losses, for plotting. */
    public double[] smoothedLosses() {
        return points.stream().mapToDouble(Point::smoothedLoss).toArray();
    }

    /** The point with the lowest smoothed loss. */
    public Point minimum() {
        need(1);
        Point best = points.get(0);
        for (Point p : points) {
            if (p.smoothedLoss() < best.smoothedLoss()) {
                best = p;
            }
        }
        return best;
    }

    /** fastai's "minimum/10": a tenth of the rate at which the smoothed loss was lowest. */
    public double suggestedMinOver10() {
        return minimum().learningRate() / 10;
    }

    /**
     * The rate where the smoothed loss falls fastest against log(rate), on the falling part of the curve:
     * the most negative difference {@code (s[i+w] − s[i−w]) / (ln lr[i+w] − ln lr[i−w])} with
     * {@code w = max(1, round(n/40))} for {@code n} points, for {@code i+w} up to the minimum, skipping the
     * first {@value #SKIP_START} points (fewer on a short curve), whose average rests on few losses.
     * Returns {@code lr[i]}.
     *
     * <p>fastai's {@code steep} takes single-step differences over the whole curve (minus its last
     * {@value #SKIP_END} points). Single steps pick up mini-batch noise on flat stretches, and past the
     * minimum a chance dip suggests a rate that diverges; the window and the stop at the minimum avoid both.
     */
    public double suggestedSteepest() {
        need(3);
        int minimum = points.indexOf(minimum());
        int w = Math.max(1, Math.round(points.size() / 40f));
        int start = Math.min(SKIP_START, minimum / 2);
        if (minimum - start < 2 * w) {
            w = 1;
        }
        int steepest = start;
        double slope = Double.POSITIVE_INFINITY;
        for (int i = start + w; i + w <= minimum; i++) {
            Point a = points.get(i - w);
            Point b = points.get(i + w);
            double s = (b.smoothedLoss() - a.smoothedLoss()) / (Math.log(b.learningRate()) - Math.log(a.learningRate()));
            if (s < slope) {
                slope = s;
                steepest = i;
            }
        }
        return points.get(steepest).learningRate();
    }

    private void need(int count) {
        if (points.size() < count) {
            throw InvalidConfigException.of("LrRangeResult", "points", points.size(),
                    String.format("a suggestion needs at least %d points, got points=%d (%s)", count, points.size(), stopReason),
                    "Lower from(...) or raise divergeFactor(...) so the test runs longer");
        }
    }
}
