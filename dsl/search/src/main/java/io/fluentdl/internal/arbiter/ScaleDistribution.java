package io.fluentdl.internal.arbiter;

import org.apache.commons.math3.distribution.AbstractRealDistribution;

/**
 * The distribution behind {@code Hp.uniform} and {@code Hp.logUniform}, given to Arbiter's
 * {@code ContinuousParameterSpace}, which maps a unit value u through
 * {@link #inverseCumulativeProbability(double)}.
 *
 * <p>Why our own: Arbiter ships no log-uniform distribution, and commons-math's uniform one
 * computes {@code u (high - low) + low}, which can miss {@code high} by an ulp at u = 1. Both
 * scales here are exact at u = 0 and u = 1, so a grid's end points are the bounds users wrote.
 */
final class ScaleDistribution extends AbstractRealDistribution {

    private static final long serialVersionUID = 1L;

    private final double low;
    private final double high;
    private final boolean log;

    private ScaleDistribution(double low, double high, boolean log) {
        super(null);
        this.low = low;
        this.high = high;
        this.log = log;
    }

    /** {@code low + u (high - low)}. */
    static ScaleDistribution uniform(double low, double high) {
        return new ScaleDistribution(low, high, false);
    }

    /** {@code 10^(log10 low + u (log10 high - log10 low))}; needs {@code 0 < low <= high}. */
    static ScaleDistribution logUniform(double low, double high) {
        return new ScaleDistribution(low, high, true);
    }

    @Override
    public double inverseCumulativeProbability(double u) {
        if (u == 0) {
            return low;
        }
        if (u == 1) {
            return high;
        }
        return log ? log10Interp(low, high, u) : low + u * (high - low);
    }

    /** {@code 10^(log10 a + u (log10 b - log10 a))}: log-linear interpolation from a (u=0) to b (u=1). */
    static double log10Interp(double a, double b, double u) {
        double la = Math.log10(a);
        return Math.pow(10, la + u * (Math.log10(b) - la));
    }

    @Override
    public double cumulativeProbability(double x) {
        if (x <= low) {
            return 0;
        }
        if (x >= high) {
            return 1;
        }
        return log ? Math.log(x / low) / Math.log(high / low) : (x - low) / (high - low);
    }

    @Override
    public double density(double x) {
        if (x < low || x > high || high == low) {
            return 0;
        }
        return log ? 1 / (x * Math.log(high / low)) : 1 / (high - low);
    }

    @Override
    public double getNumericalMean() {
        if (!log || high == low) {
            return (low + high) / 2;
        }
        return (high - low) / Math.log(high / low);
    }

    @Override
    public double getNumericalVariance() {
        if (high == low) {
            return 0;
        }
        if (!log) {
            return (high - low) * (high - low) / 12;
        }
        double mean = getNumericalMean();
        return (high * high - low * low) / (2 * Math.log(high / low)) - mean * mean;
    }

    @Override
    public double getSupportLowerBound() {
        return low;
    }

    @Override
    public double getSupportUpperBound() {
        return high;
    }

    @Override
    public boolean isSupportLowerBoundInclusive() {
        return true;
    }

    @Override
    public boolean isSupportUpperBoundInclusive() {
        return true;
    }

    @Override
    public boolean isSupportConnected() {
        return true;
    }

    @Override
    public String toString() {
        return String.format("%s(%s, %s)", log ? "LogUniform" : "Uniform", low, high);
    }
}
