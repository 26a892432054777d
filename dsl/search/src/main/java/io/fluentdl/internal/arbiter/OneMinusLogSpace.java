package io.fluentdl.internal.arbiter;

import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code Hp.oneMinusLogUniform} as an Arbiter leaf: {@code beta = 1 - 10^r}, r uniform in
 * [log10(1 - low), log10(1 - high)], so half the draws over [0.9, 0.999] land above 0.99.
 *
 * <p>Why a class of its own: Arbiter has no 1 - beta scale (it would take a ContinuousParameterSpace
 * wrapped in two chained {@code MathOp}s, and the bounds would then be on 1 - beta, not on the
 * momentum users read in results). Arbiter's grid generator treats it as continuous: its points are
 * evenly spaced in log10(1 - beta).
 */
public final class OneMinusLogSpace implements ParameterSpace<Double> {

    private final double low;
    private final double high;
    private int index = -1;

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
    public Double getValue(double[] parameterValues) {
        if (index < 0) {
            throw new IllegalStateException("Cannot get value: ParameterSpace index has not been set");
        }
        double u = parameterValues[index];
        if (u == 0) {
            return low;
        }
        if (u == 1) {
            return high;
        }
        return 1 - ScaleDistribution.log10Interp(1 - low, 1 - high, u);
    }

    @Override
    public int numParameters() {
        return 1;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<ParameterSpace> collectLeaves() {
        return Collections.singletonList(this);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Map<String, ParameterSpace> getNestedSpaces() {
        return Collections.emptyMap();
    }

    @Override
    public boolean isLeaf() {
        return true;
    }

    @Override
    public void setIndices(int... indices) {
        if (indices == null || indices.length != 1) {
            throw new IllegalArgumentException(String.format("a leaf takes exactly one index, got %s",
                    Arrays.toString(indices)));
        }
        index = indices[0];
    }

    @Override
    public String toString() {
        return String.format("OneMinusLogSpace(%s, %s)", low, high);
    }
}
