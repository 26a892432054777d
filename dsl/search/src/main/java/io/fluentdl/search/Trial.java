package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a search space: the value of every {@link Hp}, read with {@link #get(Hp)}.
 *
 * <p>A model template receives a {@code Trial} and builds the model from it. Reading a handle that
 * the space did not declare is an error that names the handle and lists the declared ones, so a
 * typo fails on the dry run, not in trial 37.
 *
 * <pre>{@code
 * .model(trial -> CaseStudy.builder(trial.get(units)).optimizer(Sgd.of(trial.get(lr))).build())
 *
 * ModelSpec winner = space.build(Trial.fixed(units, 64, lr, 0.01, momentum, 0.99));
 * }</pre>
 */
public final class Trial {

    private final String owner;
    private final String missingPhrase;
    private final int number;
    private final Map<String, Hp<?>> declared;
    private final Map<String, Object> values;
    private final double[] units;

    Trial(String owner, String missingPhrase, int number, Map<String, Hp<?>> declared,
          Map<String, Object> values, double[] units) {
        this.owner = owner;
        this.missingPhrase = missingPhrase;
        this.number = number;
        this.declared = declared;
        this.values = Collections.unmodifiableMap(values);
        this.units = units;
    }

    /**
     * A trial with chosen values, for tests and for rebuilding a winner: pairs of handle and value,
     * e.g. {@code Trial.fixed(units, 64, lr, 0.01)}. Values are checked against each handle's type
     * (any number for real ranges, whole numbers for integers, one of the values for a choice).
     */
    public static Trial fixed(Object... handlesAndValues) {
        if (handlesAndValues.length % 2 != 0) {
            throw InvalidConfigException.of("Trial.fixed", "arguments", handlesAndValues.length, String.format(
                    "needs pairs of Hp and value, got %d arguments", handlesAndValues.length), "");
        }
        Map<String, Hp<?>> declared = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < handlesAndValues.length; i += 2) {
            if (!(handlesAndValues[i] instanceof Hp)) {
                throw InvalidConfigException.of("Trial.fixed", "arguments", handlesAndValues[i], String.format(
                        "argument %d must be an Hp handle, got %s", i + 1, handlesAndValues[i]), "");
            }
            Hp<?> hp = (Hp<?>) handlesAndValues[i];
            if (declared.put(hp.name(), hp) != null) {
                throw InvalidConfigException.of("Trial.fixed", hp.name(), null, String.format(
                        "Hp '%s' is given twice", hp.name()), "");
            }
            values.put(hp.name(), hp.coerce(handlesAndValues[i + 1]));
        }
        return new Trial("Trial.fixed", "which was not given. Given", -1, declared, values, null);
    }

    /**
     * The value of {@code hp} in this trial.
     *
     * @throws InvalidConfigException if the space did not declare {@code hp} in {@code params(...)}
     */
    @SuppressWarnings("unchecked")
    public <V> V get(Hp<V> hp) {
        Objects.requireNonNull(hp, "hp");
        Hp<?> mine = declared.get(hp.name());
        if (mine == null || mine.kind() != hp.kind()) {
            throw InvalidConfigException.of(owner, hp.name(), null, String.format(
                    "the model read Hp '%s', %s: %s", hp.name(),
                    mine == null ? missingPhrase
                            : String.format("but '%s' is declared as %s, not %s. Declared",
                            hp.name(), mine.kind().factoryName(), hp.kind().factoryName()),
                    String.join(", ", declared.keySet())), "");
        }
        return (V) values.get(hp.name());
    }

    /** Every parameter's value by name, in declaration order (fixed ones included). */
    public Map<String, Object> params() {
        return values;
    }

    /** The trial's number in its search, from 0; -1 for {@link #fixed} trials. */
    public int number() {
        return number;
    }

    /** The unit vector this trial was built from (one coordinate per searched Hp); empty for fixed trials. */
    public double[] units() {
        return units == null ? new double[0] : units.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trial && ((Trial) o).number == number && ((Trial) o).values.equals(values)
                && Arrays.equals(((Trial) o).units, units);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, values);
    }

    @Override
    public String toString() {
        return number < 0 ? String.format("Trial.fixed%s", values) : String.format("Trial %d %s", number, values);
    }
}
