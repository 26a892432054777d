package io.fluentdl.track;

import java.util.Arrays;

/**
 * One metric of one run over time: what a learning curve plots.
 *
 * @param name  metric name, e.g. {@code val_accuracy}
 * @param scope step (x = iteration) or epoch (x = 1-based epoch)
 * @param x     iterations or epochs, increasing in logging order
 * @param y     values; NaN where logged as NaN
 */
public record MetricSeries(String name, Scope scope, long[] x, double[] y) {

    public MetricSeries {
        x = x.clone();
        y = y.clone();
    }

    public int size() {
        return x.length;
    }

    /** The last value, NaN for an empty series. */
    public double last() {
        return y.length == 0 ? Double.NaN : y[y.length - 1];
    }

    @Override
    public long[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricSeries s && name.equals(s.name) && scope == s.scope && Arrays.equals(x, s.x)
                && Arrays.equals(y, s.y);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return String.format("MetricSeries[%s %s, x=%s, y=%s]", scope, name, Arrays.toString(x), Arrays.toString(y));
    }
}
