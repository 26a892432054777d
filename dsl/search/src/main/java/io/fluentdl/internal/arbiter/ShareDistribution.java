package io.fluentdl.internal.arbiter;

import org.apache.commons.math3.distribution.AbstractIntegerDistribution;

/**
 * The distribution behind {@code Hp.intRange} and {@code Hp.intLogRange}, given to Arbiter's
 * {@code IntegerParameterSpace}, which maps a unit value u through
 * {@link #inverseCumulativeProbability(double)}.
 *
 * <p>Why our own: Arbiter's default (commons-math's uniform integer distribution) returns the
 * smallest value whose CDF reaches u, so u = 1/2 over {0, 1} gives 0, and a value's share of [0, 1]
 * is closed on the wrong side; FluentDL cuts [0, 1] into n equal half-open shares (u = 1 belongs to
 * the last), the rule Arbiter's own {@code DiscreteParameterSpace} uses. The log variant gives
 * {@code floor(low ((high + 1) / low)^u)}, so each decade of values gets the same share.
 */
final class ShareDistribution extends AbstractIntegerDistribution {

    private static final long serialVersionUID = 1L;

    private final int low;
    private final int high;
    private final int step;
    private final boolean log;

    private ShareDistribution(int low, int high, int step, boolean log) {
        super(null);
        this.low = low;
        this.high = high;
        this.step = step;
        this.log = log;
    }

    /** {@code low, low + step, ..., high}, each an equal share of [0, 1]. */
    static ShareDistribution linear(int low, int high, int step) {
        return new ShareDistribution(low, high, step, false);
    }

    /** Integers in [low, high] whose log is uniform; needs {@code 1 <= low <= high}. */
    static ShareDistribution log(int low, int high) {
        return new ShareDistribution(low, high, 1, true);
    }

    private int count() {
        return (int) ((high - (long) low) / step) + 1;
    }

    @Override
    public int inverseCumulativeProbability(double u) {
        if (log) {
            return u == 1 ? high : (int) Math.min(high, Math.floor(low * Math.pow((high + 1.0) / low, u)));
        }
        int n = count();
        return (int) (low + (long) step * Math.min((int) Math.floor(u * n), n - 1));
    }

    @Override
    public double cumulativeProbability(int x) {
        if (x < low) {
            return 0;
        }
        if (x >= high) {
            return 1;
        }
        if (log) {
            return Math.log((x + 1.0) / low) / Math.log((high + 1.0) / low);
        }
        return (double) (((long) x - low) / step + 1) / count();
    }

    @Override
    public double probability(int x) {
        if (x < low || x > high || (!log && ((long) x - low) % step != 0)) {
            return 0;
        }
        return cumulativeProbability(x) - cumulativeProbability(x - 1);
    }

    @Override
    public double getNumericalMean() {
        double sum = 0;
        for (long x = low; x <= high; x += step) {
            sum += x * probability((int) x);
        }
        return sum;
    }

    @Override
    public double getNumericalVariance() {
        double mean = getNumericalMean();
        double sum = 0;
        for (long x = low; x <= high; x += step) {
            sum += (x - mean) * (x - mean) * probability((int) x);
        }
        return sum;
    }

    @Override
    public int getSupportLowerBound() {
        return low;
    }

    @Override
    public int getSupportUpperBound() {
        return high;
    }

    @Override
    public boolean isSupportConnected() {
        return log || step == 1;
    }

    @Override
    public String toString() {
        return log ? String.format("LogInteger(%d, %d)", low, high)
                : String.format("EqualShares(%d..%d step %d)", low, high, step);
    }
}
