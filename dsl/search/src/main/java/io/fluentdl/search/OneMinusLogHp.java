package io.fluentdl.search;

import io.fluentdl.internal.arbiter.HpSpaces;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.Objects;

/**
 * An averaging constant beta in [low, high] whose {@code 1 - beta} is log-uniform (keras-tuner's
 * {@code reverse_log}; Optuna has none). Made by {@link Hp#oneMinusLogUniform}.
 */
public final class OneMinusLogHp extends Hp<Double> {

    private final double low;
    private final double high;

    private OneMinusLogHp(String name, double low, double high) {
        super(name);
        this.low = low;
        this.high = high;
    }

    static OneMinusLogHp of(String name, double low, double high) {
        checkName(name);
        if (!(low > 0 && low < high && high < 1)) {
            throw problem(name, "high", high, String.format(
                    "oneMinusLogUniform needs 0 < low < high < 1, got low=%s, high=%s", low, high));
        }
        return new OneMinusLogHp(name, low, high);
    }

    @Override
    public ParameterSpace<Double> parameterSpace() {
        return HpSpaces.oneMinusLog(low, high);
    }

    @Override
    public double toUnit(Double value) {
        return Scales.clamp(Scales.log10Fraction(1 - low, 1 - high, 1 - value));
    }

    @Override
    public int size() {
        return -1;
    }

    @Override
    public HpKind kind() {
        return HpKind.ONE_MINUS_LOG_UNIFORM;
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
    Double convert(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(value, "numeric");
    }

    /** Coarse-to-fine may narrow it to one value (low == high), which the space allows. */
    @Override
    Hp<Double> withRange(double newLow, double newHigh) {
        return new OneMinusLogHp(name(), newLow, newHigh);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OneMinusLogHp h && h.name().equals(name()) && Double.compare(h.low, low) == 0
                && Double.compare(h.high, high) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), low, high, "1-log");
    }

    @Override
    public String toString() {
        return String.format("Hp.oneMinusLogUniform('%s', %s, %s)", name(), low, high);
    }
}
