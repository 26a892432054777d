package io.fluentdl.search;

import io.fluentdl.internal.arbiter.HpSpaces;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.Objects;

/**
 * A real hyperparameter in [low, high], uniform or log-uniform, optionally on a grid of {@code step}
 * (Optuna's {@code FloatDistribution(low, high, log, step)}; log and step together are refused, as
 * there). Made by {@link Hp#uniform}, {@link Hp#logUniform} and {@code Hp.uniform(name, low, high, step)}.
 */
public final class FloatHp extends Hp<Double> {

    private final double low;
    private final double high;
    private final boolean log;
    private final double step;

    private FloatHp(String name, double low, double high, boolean log, double step) {
        super(name);
        this.low = low;
        this.high = high;
        this.log = log;
        this.step = step;
    }

    static FloatHp of(String name, double low, double high, boolean log, double step) {
        checkName(name);
        String factory = log ? "logUniform" : "uniform";
        if (log && !(low > 0 && low <= high && Double.isFinite(high))) {
            throw problem(name, "low", low, String.format(
                    "logUniform needs 0 < low <= high, got low=%s, high=%s", low, high));
        }
        if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
            throw problem(name, "low", low, String.format(
                    "%s needs finite low <= high, got low=%s, high=%s", factory, low, high));
        }
        if (step != 0) {
            if (!(step > 0 && Double.isFinite(step))) {
                throw problem(name, "step", step, String.format("uniform needs step > 0, got step=%s", step));
            }
            double n = (high - low) / step;
            if (Math.abs(n - Math.rint(n)) > 1e-9 * Math.max(1, n)) {
                throw problem(name, "high", high, String.format("uniform needs high - low to be a multiple "
                        + "of step, got low=%s, high=%s, step=%s", low, high, step));
            }
        }
        return new FloatHp(name, low, high, log, step);
    }

    @Override
    public ParameterSpace<Double> parameterSpace() {
        return HpSpaces.real(low, high, log, step);
    }

    @Override
    public double toUnit(Double value) {
        if (step > 0) {
            return (Math.round((value - low) / step) + 0.5) / size();
        }
        if (high == low) {
            return 0.5;
        }
        return Scales.clamp(log ? Scales.log10Fraction(low, high, value) : (value - low) / (high - low));
    }

    @Override
    public int size() {
        return step > 0 ? (int) Math.round((high - low) / step) + 1 : -1;
    }

    @Override
    public HpKind kind() {
        return log ? HpKind.LOG_UNIFORM : HpKind.UNIFORM;
    }

    /** Whether the scale is log10. */
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
    public double stepSize() {
        return step;
    }

    @Override
    Double convert(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(value, "numeric");
    }

    /** Narrowed to the grid of a stepped range: the new bounds are grid points around [newLow, newHigh]. */
    @Override
    Hp<Double> withRange(double newLow, double newHigh) {
        if (step > 0) {
            double lo = low + step * Math.floor((newLow - low) / step + 1e-9);
            double hi = low + step * Math.ceil((newHigh - low) / step - 1e-9);
            return new FloatHp(name(), lo, Math.min(high, hi), false, step);
        }
        return new FloatHp(name(), newLow, newHigh, log, step);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatHp h && h.name().equals(name()) && Double.compare(h.low, low) == 0
                && Double.compare(h.high, high) == 0 && h.log == log && Double.compare(h.step, step) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), low, high, log, step);
    }

    @Override
    public String toString() {
        return step > 0 ? String.format("Hp.uniform('%s', %s, %s, %s)", name(), low, high, step)
                : String.format("Hp.%s('%s', %s, %s)", kind().factoryName(), name(), low, high);
    }
}
