package io.fluentdl.internal.arbiter;

/**
 * {@code Hp.oneMinusLogUniform} as an Arbiter leaf: {@code beta = 1 - 10^r}, r uniform in
 * [log10(1 - low), log10(1 - high)], so half the draws over [0.9, 0.999] land above 0.99.
 *
 * <p>Why a class of its own: Arbiter has no 1 - beta scale (it would take a ContinuousParameterSpace
 * wrapped in two chained {@code MathOp}s, and the bounds would then be on 1 - beta, not on the
 * momentum users read in results). Arbiter's grid generator treats it as continuous: its points are
 * evenly spaced in log10(1 - beta).
 */
public final class OneMinusLogSpace extends UnitLeaf<Double> {

    private final double low;
    private final double high;

    /**
     * @param low  the smallest beta, in (0, 1)
     * @param high the largest beta, in [low, 1) (equal bounds: a range narrowed to one value by coarse-to-fine)
     */
    public OneMinusLogSpace(double low, double high) {
        if (!(low > 0 && low <= high && high < 1)) {
            throw new IllegalArgumentException(String.format(
                    "OneMinusLogSpace needs 0 < low <= high < 1, got low=%s, high=%s", low, high));
        }
        this.low = low;
        this.high = high;
    }

    @Override
    Double valueAt(double u) {
        if (u == 0) {
            return low;
        }
        if (u == 1) {
            return high;
        }
        return 1 - ScaleDistribution.log10Interp(1 - low, 1 - high, u);
    }

    @Override
    String describe() {
        return toString();
    }

    @Override
    public String toString() {
        return String.format("OneMinusLogSpace(%s, %s)", low, high);
    }
}
