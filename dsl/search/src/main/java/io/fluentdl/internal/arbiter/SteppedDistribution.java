package io.fluentdl.internal.arbiter;

import org.apache.commons.math3.distribution.AbstractRealDistribution;

/**
 * {@code Hp.uniform(name, low, high, step)} for Arbiter's {@code ContinuousParameterSpace}: the values
 * {@code low + k step}, k = 0..n-1, each an equal share of [0, 1] (u = 1 belongs to the last), the rule
 * of {@link ShareDistribution} for integers. Values are computed as {@code low + k step}, so the grid
 * points are the same doubles in every trial.
 */
final class SteppedDistribution extends AbstractRealDistribution {

    private static final long serialVersionUID = 1L;

    private final double low;
    private final double high;
    private final double step;
    private final int n;

    SteppedDistribution(double low, double high, double step) {
        super(null);
        this.low = low;
        this.high = high;
        this.step = step;
        this.n = (int) Math.round((high - low) / step) + 1;
    }

    @Override
    public double inverseCumulativeProbability(double u) {
        int k = Math.min((int) Math.floor(u * n), n - 1);
        return k == n - 1 ? high : low + k * step;
    }

    @Override
    public double cumulativeProbability(double x) {
        if (x < low) {
            return 0;
        }
        return Math.min(1, (Math.floor((x - low) / step + 1e-9) + 1) / n);
    }

    @Override
    public double density(double x) {
        return 0;   // a grid: all mass on n points
    }

    @Override
    public double getNumericalMean() {
        return (low + high) / 2;
    }

    @Override
    public double getNumericalVariance() {
        return step * step * ((double) n * n - 1) / 12;
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
        return n == 1;
    }

    @Override
    public String toString() {
        return String.format("Stepped(%s..%s step %s)", low, high, step);
    }
}
