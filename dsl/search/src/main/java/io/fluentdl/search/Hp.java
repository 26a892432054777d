package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.internal.arbiter.HpSpaces;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.List;

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
 * <p>The kinds are a sealed hierarchy, after Optuna's distributions: {@link FloatHp} (uniform or log,
 * optionally stepped: FloatDistribution), {@link IntHp} (linear with a step, or log: IntDistribution),
 * {@link OneMinusLogHp} (1 - beta log-uniform, which Optuna lacks), {@link ChoiceHp}
 * (CategoricalDistribution) and {@link FixedHp}. {@link #kind()} names each in the one vocabulary that the
 * Java factories, the sweep YAML's {@code distribution:} and the report JSON's {@code kind} share.
 *
 * <p>Each {@code Hp} maps a unit value {@code u} in [0, 1] to a value with {@link #fromUnit(double)}
 * (exact at 0 and 1), and back with {@link #toUnit(Object)}. Samplers work on unit vectors only.
 *
 * <p>Maps to Arbiter: every {@code Hp} is backed by an Arbiter {@code ParameterSpace} and samples through
 * it ({@link #parameterSpace()}): ContinuousParameterSpace (uniform, log-uniform or stepped),
 * IntegerParameterSpace, DiscreteParameterSpace, FixedValue, and FluentDL's OneMinusLogSpace for the
 * 1 - beta scale, which Arbiter lacks.
 *
 * @param <T> the value type: Double, Integer, Boolean, or the element type of a choice
 */
public abstract sealed class Hp<T> permits FloatHp, IntHp, OneMinusLogHp, ChoiceHp, FixedHp, ArbiterHp {

    private final String name;
    /** This Hp's Arbiter leaf, indexed at 0: {@link #fromUnit} reads it. Made on first use, stateless once indexed. */
    private ParameterSpace<T> unitSpace;

    Hp(String name) {
        this.name = checkName(name);
    }

    /** The name, checked first by every factory so a blank name is the first problem reported. */
    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidConfigException.of("Hp", "name", name,
                    String.format("a name is required, got name=%s", name == null ? "null" : "'" + name + "'"), "");
        }
        return name;
    }

    /** A real value, uniform in [low, high]. Use for values whose effect is linear (dropout rate). */
    public static Hp<Double> uniform(String name, double low, double high) {
        return FloatHp.of(name, low, high, false, 0);
    }

    /**
     * Real values {@code low, low + step, ..., high}, each equally likely (Optuna's {@code step}).
     *
     * @param step the distance between values, {@code > 0}; {@code high - low} must be a multiple
     */
    public static Hp<Double> uniform(String name, double low, double high, double step) {
        return FloatHp.of(name, low, high, false, step);
    }

    /**
     * A real value whose base-10 log is uniform: {@code 10^r}, r uniform in [log10 low, log10 high].
     * Each decade gets the same share of the draws; use for learning rates and weight decay.
     */
    public static Hp<Double> logUniform(String name, double low, double high) {
        return FloatHp.of(name, low, high, true, 0);
    }

    /**
     * An averaging constant beta whose {@code 1 - beta} is log-uniform: {@code beta = 1 - 10^r}, r
     * uniform in [log10(1 - high), log10(1 - low)]. For [0.9, 0.999] half the draws fall in
     * [0.99, 0.999]. Use for momentum, Adam's beta2, BN momentum.
     */
    public static Hp<Double> oneMinusLogUniform(String name, double low, double high) {
        return OneMinusLogHp.of(name, low, high);
    }

    /** Integers {@code low..high}, each equally likely (units 50..100, layers 2..5). */
    public static Hp<Integer> intRange(String name, int low, int high) {
        return IntHp.of(name, low, high, 1, false);
    }

    /**
     * Integers {@code low, low + step, ..., high}, each equally likely.
     *
     * @param step the distance between values, {@code >= 1}; {@code high - low} must be a multiple
     */
    public static Hp<Integer> intRange(String name, int low, int high, int step) {
        return IntHp.of(name, low, high, step, false);
    }

    /** Integers in [low, high] on a log scale (batch sizes, hidden units over decades); low {@code >= 1}. */
    public static Hp<Integer> intLogRange(String name, int low, int high) {
        return IntHp.of(name, low, high, 1, true);
    }

    /** One of the given values, each equally likely (batch size, BN placement, activation). */
    @SafeVarargs
    public static <T> Hp<T> choice(String name, T... values) {
        return ChoiceHp.of(name, values == null ? null : java.util.Arrays.asList(values), false);
    }

    /** {@code false} or {@code true}, equally likely. */
    public static Hp<Boolean> bool(String name) {
        return ChoiceHp.of(name, List.of(false, true), true);
    }

    /** Always {@code value}; recorded with the trial's parameters but never searched. */
    public static <T> Hp<T> fixed(String name, T value) {
        return new FixedHp<>(name, value);
    }

    /**
     * The value at unit coordinate {@code u} in [0, 1]; exact at 0 and 1. Sampled through this Hp's
     * Arbiter leaf ({@link #parameterSpace()}), the same mapping Arbiter's generators use.
     */
    public T fromUnit(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw new IllegalArgumentException(String.format("Hp '%s': u must be in [0, 1], got u=%s", name, u));
        }
        return unitSpace().getValue(new double[]{u});
    }

    private synchronized ParameterSpace<T> unitSpace() {
        if (unitSpace == null) {
            // a leaf reading coordinate 0 of a one-element vector
            unitSpace = parameterSpace();
            if (isSearched()) {
                unitSpace.setIndices(0);
            }
        }
        return unitSpace;
    }

    /**
     * A new Arbiter leaf that samples this Hp (see {@link HpSpaces} for the mapping), for an Arbiter
     * space of your own. Arbiter sets its index, so each call gives a fresh one.
     */
    public abstract ParameterSpace<T> parameterSpace();

    /**
     * The unit coordinate of {@code value}: the exact inverse for real scales, the centre of the
     * value's share for integers and choices, so {@code fromUnit(toUnit(v)) == v}. Fixed: 0.5.
     */
    public abstract double toUnit(T value);

    /** The value at u = 1/2, which the dry run of a template uses. */
    public T midpoint() {
        return fromUnit(0.5);
    }

    /** Number of distinct values for integer, stepped and discrete kinds (1 for fixed); -1 for real scales. */
    public abstract int size();

    /** Whether this Hp takes a coordinate in the unit vector (everything but {@link #fixed}). */
    public boolean isSearched() {
        return true;
    }

    public String name() {
        return name;
    }

    /** The kind, in the vocabulary shared with sweep files and results ({@link HpKind#key()}). */
    public abstract HpKind kind();

    /** Low end of a numeric range (the first index for choices). */
    public double low() {
        return 0;
    }

    /** High end of a numeric range (the last index for choices). */
    public double high() {
        return 0;
    }

    /** The step of a stepped range (integers: 1 unless given); 0 for continuous and discrete kinds. */
    public double stepSize() {
        return 0;
    }

    /** The integer step ({@link IntHp}); 0 for the others. */
    public int step() {
        return 0;
    }

    /** The values of a choice, bool or fixed; empty for numeric kinds. */
    public List<T> values() {
        return List.of();
    }

    /**
     * Converts a value given by a user (e.g. in {@link Trial#fixed}) to this Hp's type: any number
     * for real kinds, a whole number for integer kinds, one of the values for choices.
     */
    final T coerce(Object value) {
        if (value == null) {
            throw problem(name, "value", null, "a trial value must not be null, got value=null");
        }
        return convert(value);
    }

    /** {@link #coerce} of a value that is not null. */
    abstract T convert(Object value);

    /** A copy with a narrower numeric range (coarse-to-fine); same name and kind. */
    Hp<T> withRange(double newLow, double newHigh) {
        throw new UnsupportedOperationException(String.format("%s has no numeric range", this));
    }

    /** A copy of a choice restricted to {@code kept} (coarse-to-fine); same name. */
    Hp<T> withValues(List<T> kept) {
        throw new UnsupportedOperationException(String.format("%s has no values to keep", this));
    }

    static String where(String name) {
        return String.format("Hp '%s'", name);
    }

    static InvalidConfigException problem(String name, String parameter, Object value, String rule) {
        return InvalidConfigException.of(where(name), parameter, value, rule, "");
    }

    /** A value of the wrong type, in the one shape every kind uses. */
    InvalidConfigException wrongType(Object value, String wanted) {
        return problem(name, "value", value, String.format("%s needs a %s value, got value=%s (%s)",
                kind().factoryName(), wanted, value, value.getClass().getSimpleName()));
    }
}
