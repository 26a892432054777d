package io.fluentdl.search;

import io.fluentdl.internal.arbiter.HpSpaces;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.List;
import java.util.Objects;

/** One value, recorded with each trial's parameters but never searched: no axis of the unit cube. Made by {@link Hp#fixed}. */
public final class FixedHp<T> extends Hp<T> {

    private final T value;

    FixedHp(String name, T value) {
        super(name);
        if (value == null) {
            throw problem(name, "value", null, "fixed needs a value, got value=null");
        }
        this.value = value;
    }

    @Override
    public ParameterSpace<T> parameterSpace() {
        return HpSpaces.fixed(value);
    }

    @Override
    public double toUnit(T v) {
        return 0.5;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public boolean isSearched() {
        return false;
    }

    @Override
    public HpKind kind() {
        return HpKind.FIXED;
    }

    @Override
    public List<T> values() {
        return List.of(value);
    }

    @Override
    T convert(Object v) {
        if (value.getClass().isInstance(v)) {
            @SuppressWarnings("unchecked")
            T t = (T) v;
            return t;
        }
        throw wrongType(v, value.getClass().getSimpleName());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FixedHp<?> h && h.name().equals(name()) && h.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), value);
    }

    @Override
    public String toString() {
        return String.format("Hp.fixed('%s', %s)", name(), value);
    }
}
