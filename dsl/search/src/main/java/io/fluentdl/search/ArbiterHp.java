package io.fluentdl.search;

import io.fluentdl.internal.arbiter.HpSpaces;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.Objects;

/**
 * A leaf of a user's Arbiter space ({@link Search#over(org.deeplearning4j.arbiter.MultiLayerSpace)}): the
 * leaf maps u itself, read at {@code index} of its space's parameter vector. TPE models it on the unit
 * axis; coarse-to-fine leaves it whole.
 */
final class ArbiterHp<T> extends Hp<T> {

    private final ParameterSpace<T> leaf;
    private final int index;

    ArbiterHp(String name, ParameterSpace<T> leaf, int index) {
        super(name);
        this.leaf = leaf;
        this.index = index;
    }

    ParameterSpace<T> leaf() {
        return leaf;
    }

    int index() {
        return index;
    }

    @Override
    public ParameterSpace<T> parameterSpace() {
        return HpSpaces.leafAt(name(), leaf, index);
    }

    /** Arbiter's leaves have no inverse; a trial is rebuilt from its units, not from its values. */
    @Override
    public double toUnit(T value) {
        return 0.5;
    }

    @Override
    public int size() {
        return -1;
    }

    @Override
    public HpKind kind() {
        return HpKind.ARBITER;
    }

    @Override
    public double high() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    T convert(Object value) {
        return (T) value;   // whatever the user's leaf makes
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArbiterHp<?> h && h.name().equals(name()) && h.leaf == leaf && h.index == index;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), index);
    }

    @Override
    public String toString() {
        return String.format("Hp.arbiter('%s', %s)", name(), leaf);
    }
}
