package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.internal.arbiter.HpSpaces;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A typed, named hyperparameter: a range and the scale to sample it on.
 *
 * <p>An {@code Hp} is a handle: declare it once, list it in {@link SearchSpace.Builder#params},
 * and read its value for the current trial with {@link Trial#get(Hp)}, which returns the handle's
 * type ({@code Hp<Integer>} gives an {@code int}). Bounds are on the value users see in results
 * (momentum 0.9 - 0.999), and every range is checked here, so the stack trace points at the line
 * that declared it.
 *
 * <p>Choose the scale the lecture way: a learning rate between 1e-4 and 1 is {@link #logUniform}
 * (a uniform draw would put 90% of the trials above 0.1); an averaging constant between 0.9 and
 * 0.999 is {@link #oneMinusLogUniform} (half the draws land above 0.99, where the effective window
 * of {@code 1 / (1 - beta)} steps grows fastest).
 *
 * <pre>{@code
 * Hp<Integer> units    = Hp.intRange("units", 16, 256);
 * Hp<Double>  lr       = Hp.logUniform("learningRate", 1e-4, 1e-1);
 * Hp<Double>  momentum = Hp.oneMinusLogUniform("momentum", 0.9, 0.999);
 * }</pre>
 *
 * <p>Each {@code Hp} maps a unit value {@code u} in [0, 1] to a value with {@link #fromUnit(double)}
 * (exact at 0 and 1; see {@link HpKind} for each formula), and numeric ones map back with
 * {@link #toUnit(Object)}. Samplers work on unit vectors only.
 *
 * <p>Maps to Arbiter: every {@code Hp} is backed by an Arbiter {@code ParameterSpace} and samples through
 * it ({@link #parameterSpace()}): ContinuousParameterSpace (uniform, or a log-uniform distribution),
 * IntegerParameterSpace, DiscreteParameterSpace, FixedValue, and FluentDL's OneMinusLogSpace for the
 * 1 - beta scale, which Arbiter lacks.
 *
 * @param <T> the value type: Double, Integer, Boolean, or the element type of a choice
 */
public final class Hp<T> {

    private final String name;
    private final HpKind kind;
    private final double low;
    private final double high;
    private final int step;
    private final List<T> values;
    /** The user's Arbiter leaf and its index in its space (kind ARBITER only; else null, -1). */
    private final ParameterSpace<T> arbiterLeaf;
    private final int arbiterIndex;
    /** This Hp's Arbiter leaf, indexed at 0: {@link #fromUnit} reads it. Stateless once indexed. */
    private final ParameterSpace<T> unitSpace;

    private Hp(String name, HpKind kind, double low, double high, int step, List<T> values) {
        this(name, kind, low, high, step, values, null, -1);
    }

    private Hp(String name, HpKind kind, double low, double high, int step, List<T> values, ParameterSpace<T> leaf,
               int index) {
        this.name = name;
        this.kind = kind;
        this.low = low;
        this.high = high;
        this.step = step;
        this.values = values;
        this.arbiterLeaf = leaf;
        this.arbiterIndex = index;
        this.unitSpace = HpSpaces.unit(this);
    }

    /**
     * A real value, uniform in [low, high]. Use for values whose effect is linear (dropout rate).
     *
     * @param name the name in results and messages, unique within a space
     * @param low  the smallest value, finite
     * @param high the largest value, finite, {@code >= low}
     */
    public static Hp<Double> uniform(String name, double low, double high) {
        checkName(name);
        if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
            throw problem(name, "low", low, String.format(
                    "uniform needs finite low <= high, got low=%s, high=%s", low, high));
        }
        return new Hp<>(name, HpKind.UNIFORM, low, high, 0, List.of());
    }

    /**
     * A real value whose base-10 log is uniform: {@code 10^r}, r uniform in [log10 low, log10 high].
     * Each decade gets the same share of the draws; use for learning rates and weight decay.
     *
     * @param name the name in results and messages
     * @param low  the smallest value, {@code > 0}
     * @param high the largest value, {@code >= low}
     */
    public static Hp<Double> logUniform(String name, double low, double high) {
        checkName(name);
        if (!(low > 0 && low <= high && Double.isFinite(high))) {
            throw problem(name, "low", low, String.format(
                    "logUniform needs 0 < low <= high, got low=%s, high=%s", low, high));
        }
        return new Hp<>(name, HpKind.LOG_UNIFORM, low, high, 0, List.of());
    }

    /**
     * An averaging constant beta whose {@code 1 - beta} is log-uniform: {@code beta = 1 - 10^r}, r
     * uniform in [log10(1 - high), log10(1 - low)]. For [0.9, 0.999] half the draws fall in
     * [0.99, 0.999]. Use for momentum, Adam's beta2, BN momentum.
     *
     * @param name the name in results and messages
     * @param low  the smallest beta, in (0, 1)
     * @param high the largest beta, in (low, 1)
     */
    public static Hp<Double> oneMinusLogUniform(String name, double low, double high) {
        checkName(name);
        if (!(low > 0 && low < high && high < 1)) {
            throw problem(name, "high", high, String.format(
                    "oneMinusLogUniform needs 0 < low < high < 1, got low=%s, high=%s", low, high));
        }
        return new Hp<>(name, HpKind.ONE_MINUS_LOG_UNIFORM, low, high, 0, List.of());
    }

    /** Integers {@code low..high}, each equally likely (units 50..100, layers 2..5). */
    public static Hp<Integer> intRange(String name, int low, int high) {
        return intRange(name, low, high, 1);
    }

    /**
     * Integers {@code low, low + step, ..., high}, each equally likely.
     *
     * @param step the distance between values, {@code >= 1}; {@code high - low} must be a multiple
     */
    public static Hp<Integer> intRange(String name, int low, int high, int step) {
        checkName(name);
        if (low > high) {
            throw problem(name, "low", low, String.format(
                    "intRange needs low <= high, got low=%d, high=%d", low, high));
        }
        if (step < 1) {
            throw problem(name, "step", step, String.format("intRange needs step >= 1, got step=%d", step));
        }
        if ((high - (long) low) % step != 0) {
            long below = low + ((high - (long) low) / step) * step;
            throw new InvalidConfigException(new io.fluentdl.errors.Problem(where(name), "high", high,
                    String.format("intRange needs high - low to be a multiple of step, got low=%d, high=%d, step=%d",
                            low, high, step),
                    String.format("Use high=%d or high=%d", below, below + step)));
        }
        return new Hp<>(name, HpKind.INT_RANGE, low, high, step, List.of());
    }

    /** Integers in [low, high] on a log scale (batch sizes, hidden units over decades); low {@code >= 1}. */
    public static Hp<Integer> intLogRange(String name, int low, int high) {
        checkName(name);
        if (!(low >= 1 && low <= high)) {
            throw problem(name, "low", low, String.format(
                    "intLogRange needs 1 <= low <= high, got low=%d, high=%d", low, high));
        }
        return new Hp<>(name, HpKind.INT_LOG_RANGE, low, high, 1, List.of());
    }

    /** One of the given values, each equally likely (batch size, BN placement, activation). */
    @SafeVarargs
    public static <T> Hp<T> choice(String name, T... values) {
        checkName(name);
        if (values == null || values.length == 0) {
            throw problem(name, "values", null, "choice needs at least one value, got none");
        }
        List<T> list = new ArrayList<>(Arrays.asList(values));
        if (list.contains(null)) {
            throw problem(name, "values", list, String.format("choice values must not be null, got values=%s", list));
        }
        if (new HashSet<>(list).size() != list.size()) {
            throw problem(name, "values", list, String.format("choice values must be distinct, got values=%s", list));
        }
        return new Hp<>(name, HpKind.CHOICE, 0, list.size() - 1, 1, Collections.unmodifiableList(list));
    }

    /** {@code false} or {@code true}, equally likely. */
    public static Hp<Boolean> bool(String name) {
        checkName(name);
        return new Hp<>(name, HpKind.BOOL, 0, 1, 1, List.of(false, true));
    }

    /** Always {@code value}; recorded with the trial's parameters but never searched. */
    public static <T> Hp<T> fixed(String name, T value) {
        checkName(name);
        if (value == null) {
            throw problem(name, "value", null, "fixed needs a value, got value=null");
        }
        return new Hp<>(name, HpKind.FIXED, 0, 0, 0, List.of(value));
    }

    /**
     * The value at unit coordinate {@code u} in [0, 1]; exact at 0 and 1. Sampled through this Hp's
     * Arbiter leaf ({@link #parameterSpace()}), the same mapping Arbiter's generators use.
     */
    public T fromUnit(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw new IllegalArgumentException(String.format("Hp '%s': u must be in [0, 1], got u=%s", name, u));
        }
        return unitSpace.getValue(new double[]{u});
    }

    /**
     * A new Arbiter leaf that samples this Hp (see {@link HpSpaces} for the mapping), for an
     * Arbiter space of your own: {@code ContinuousParameterSpace} with a uniform or log-uniform
     * distribution, {@code IntegerParameterSpace}, {@code DiscreteParameterSpace}, {@code FixedValue},
     * or FluentDL's {@code OneMinusLogSpace}. Arbiter sets its index, so each call gives a fresh one.
     */
    public ParameterSpace<T> parameterSpace() {
        return HpSpaces.of(this);
    }

    /**
     * The unit coordinate of {@code value}: the exact inverse for real scales, the centre of the
     * value's share for integers and choices, so {@code fromUnit(toUnit(v)) == v}. Fixed: 0.5.
     */
    public double toUnit(T value) {
        return HpValues.toUnit(this, value);
    }

    /**
     * A leaf of an Arbiter space as an Hp, for {@link Search#over(org.deeplearning4j.arbiter.MultiLayerSpace)}:
     * its value at u is the leaf's own, read at {@code index} of its space's parameter vector.
     */
    static <T> Hp<T> arbiter(String name, ParameterSpace<T> leaf, int index) {
        checkName(name);
        return new Hp<>(name, HpKind.ARBITER, 0, 1, 0, List.of(), leaf, index);
    }

    /** The user's Arbiter leaf (kind ARBITER), else null. */
    ParameterSpace<T> arbiterLeaf() {
        return arbiterLeaf;
    }

    /** The leaf's index in its Arbiter space (kind ARBITER), else -1. */
    int arbiterIndex() {
        return arbiterIndex;
    }

    /** The value at u = 1/2, which the dry run of a template uses. */
    public T midpoint() {
        return fromUnit(0.5);
    }

    /** Number of distinct values for integer and discrete kinds (1 for fixed); -1 for real scales. */
    public int size() {
        switch (kind) {
            case INT_RANGE:
                return (int) ((high - low) / step) + 1;
            case INT_LOG_RANGE:
                return (int) (high - low) + 1;
            case CHOICE:
            case BOOL:
                return values.size();
            case FIXED:
                return 1;
            default:
                return -1;
        }
    }

    /** Whether this Hp takes a coordinate in the unit vector (everything but {@link #fixed}). */
    public boolean isSearched() {
        return kind != HpKind.FIXED;
    }

    public String name() {
        return name;
    }

    public HpKind kind() {
        return kind;
    }

    /** Low end of a numeric range (the first index for choices). */
    public double low() {
        return low;
    }

    /** High end of a numeric range (the last index for choices). */
    public double high() {
        return high;
    }

    public int step() {
        return step;
    }

    /** The values of a choice, bool or fixed; empty for numeric kinds. */
    public List<T> values() {
        return values;
    }

    /**
     * Converts a value given by a user (e.g. in {@link Trial#fixed}) to this Hp's type: any number
     * for real kinds, a whole number for integer kinds, one of the values for choices.
     */
    T coerce(Object value) {
        return HpValues.coerce(this, value);
    }

    /** A copy with a narrower numeric range (coarse-to-fine); same name and kind. */
    Hp<T> withRange(double newLow, double newHigh) {
        return new Hp<>(name, kind, newLow, newHigh, step, values);
    }

    /** A copy of a choice restricted to {@code kept} (coarse-to-fine); same name. */
    Hp<T> withValues(List<T> kept) {
        return new Hp<>(name, kind == HpKind.BOOL && kept.size() < 2 ? HpKind.CHOICE : kind,
                0, kept.size() - 1, 1, List.copyOf(kept));
    }

    static String where(String name) {
        return String.format("Hp '%s'", name);
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidConfigException.of("Hp", "name", name,
                    String.format("a name is required, got name=%s", name == null ? "null" : "'" + name + "'"), "");
        }
    }

    static InvalidConfigException problem(String name, String parameter, Object value, String rule) {
        return InvalidConfigException.of(where(name), parameter, value, rule, "");
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Hp)) {
            return false;
        }
        Hp<?> other = (Hp<?>) o;
        return name.equals(other.name) && kind == other.kind && Double.compare(low, other.low) == 0
                && Double.compare(high, other.high) == 0 && step == other.step && values.equals(other.values)
                && arbiterLeaf == other.arbiterLeaf;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, low, high, step, values);
    }

    @Override
    public String toString() {
        return HpValues.describe(this);
    }
}
