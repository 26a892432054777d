package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import io.fluentdl.internal.arbiter.HpSpaces;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.Objects;

/**
 * An integer hyperparameter: {@code low, low + step, ..., high} each equally likely, or integers whose
 * log is uniform (Optuna's {@code IntDistribution(low, high, log, step)}). Made by {@link Hp#intRange}
 * and {@link Hp#intLogRange}.
 */
public final class IntHp extends Hp<Integer> {

    private final int low;
    private final int high;
    private final int step;
    private final boolean log;

    private IntHp(String name, int low, int high, int step, boolean log) {
        super(name);
        this.low = low;
        this.high = high;
        this.step = step;
        this.log = log;
    }

    static IntHp of(String name, int low, int high, int step, boolean log) {
        checkName(name);
        if (log) {
            if (!(low >= 1 && low <= high)) {
                throw problem(name, "low", low, String.format(
                        "intLogRange needs 1 <= low <= high, got low=%d, high=%d", low, high));
            }
            return new IntHp(name, low, high, 1, true);
        }
        if (low > high) {
            throw problem(name, "low", low, String.format(
                    "intRange needs low <= high, got low=%d, high=%d", low, high));
        }
        if (step < 1) {
            throw problem(name, "step", step, String.format("intRange needs step >= 1, got step=%d", step));
        }
        if ((high - (long) low) % step != 0) {
            long below = low + ((high - (long) low) / step) * step;
            throw new InvalidConfigException(new Problem(where(name), "high", high,
                    String.format("intRange needs high - low to be a multiple of step, got low=%d, high=%d, step=%d",
                            low, high, step),
                    String.format("Use high=%d or high=%d", below, below + step)));
        }
        return new IntHp(name, low, high, step, false);
    }

    @Override
    public ParameterSpace<Integer> parameterSpace() {
        return HpSpaces.integer(low, high, step, log);
    }

    @Override
    public double toUnit(Integer value) {
        if (log) {
            double v = value;
            return Scales.clamp(Math.log(Math.sqrt(v * (v + 1)) / low) / Math.log((high + 1.0) / low));
        }
        return (Math.round((double) (value - low) / step) + 0.5) / size();
    }

    @Override
    public int size() {
        return (int) ((high - (long) low) / step) + 1;
    }

    @Override
    public HpKind kind() {
        return log ? HpKind.INT_LOG_RANGE : HpKind.INT_RANGE;
    }

    /** Whether the scale is log. */
    public boolean isLog() {
        return log;
    }

    @Override
    public double low() {
        return low;
    }

    @Override
    public double high() {
        return high;
    }

    @Override
    public int step() {
        return step;
    }

    @Override
    public double stepSize() {
        return step;
    }

    @Override
    Integer convert(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte
                || (value instanceof Long l && l == (int) (long) l)) {
            return ((Number) value).intValue();
        }
        throw wrongType(value, "whole-number");
    }

    @Override
    Hp<Integer> withRange(double newLow, double newHigh) {
        return new IntHp(name(), (int) newLow, (int) newHigh, step, log);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntHp h && h.name().equals(name()) && h.low == low && h.high == high && h.step == step
                && h.log == log;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), low, high, step, log);
    }

    @Override
    public String toString() {
        return step > 1 ? String.format("Hp.%s('%s', %d, %d, %d)", kind().factoryName(), name(), low, high, step)
                : String.format("Hp.%s('%s', %d, %d)", kind().factoryName(), name(), low, high);
    }
}
