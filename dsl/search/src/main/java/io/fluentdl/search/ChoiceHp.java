package io.fluentdl.search;

import io.fluentdl.internal.arbiter.HpSpaces;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One of a list of values, each an equal share of [0, 1) (Optuna's {@code CategoricalDistribution}).
 * Made by {@link Hp#choice} and {@link Hp#bool} ({@code false, true}).
 */
public final class ChoiceHp<T> extends Hp<T> {

    private final List<T> values;
    private final boolean bool;

    private ChoiceHp(String name, List<T> values, boolean bool) {
        super(name);
        this.values = values;
        this.bool = bool;
    }

    static <T> ChoiceHp<T> of(String name, List<T> values, boolean bool) {
        checkName(name);
        if (values == null || values.isEmpty()) {
            throw problem(name, "values", null, "choice needs at least one value, got none");
        }
        List<T> list = new ArrayList<>(values);
        if (list.contains(null)) {
            throw problem(name, "values", list, String.format("choice values must not be null, got values=%s", list));
        }
        if (new HashSet<>(list).size() != list.size()) {
            throw problem(name, "values", list, String.format("choice values must be distinct, got values=%s", list));
        }
        return new ChoiceHp<>(name, List.copyOf(list), bool);
    }

    @Override
    public ParameterSpace<T> parameterSpace() {
        return HpSpaces.discrete(values);
    }

    @Override
    public double toUnit(T value) {
        int index = values.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException(String.format("Hp '%s': %s is not one of %s", name(), value, values));
        }
        return (index + 0.5) / values.size();
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public HpKind kind() {
        return bool ? HpKind.BOOL : HpKind.CHOICE;
    }

    /** The last index; the first is 0. */
    @Override
    public double high() {
        return values.size() - 1;
    }

    @Override
    public List<T> values() {
        return values;
    }

    @Override
    T convert(Object value) {
        if (values.contains(value)) {
            @SuppressWarnings("unchecked")
            T t = (T) value;
            return t;
        }
        throw problem(name(), "value", value, String.format("%s value must be one of %s, got value=%s",
                kind().factoryName(), values, value));
    }

    /** A bool narrowed to one value is a choice of that value. */
    @Override
    Hp<T> withValues(List<T> kept) {
        return new ChoiceHp<>(name(), List.copyOf(kept), bool && kept.size() == 2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChoiceHp<?> h && h.name().equals(name()) && h.values.equals(values) && h.bool == bool;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), values, bool);
    }

    @Override
    public String toString() {
        return bool ? String.format("Hp.bool('%s')", name()) : String.format("Hp.choice('%s', %s)", name(), values);
    }
}
