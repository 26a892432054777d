package io.fluentdl.internal.arbiter;

import io.fluentdl.search.Hp;

/**
 * An {@link Hp} as a named leaf of an Arbiter space built by {@link MultiLayerSpaces}: the value at
 * coordinate {@code index} is {@code hp.fromUnit(u)}, which samples through the Hp's own Arbiter leaf
 * ({@link Hp#parameterSpace()}). The name lets a candidate's vector be read back as a FluentDL trial.
 * One object per Hp, so a value used in two fields (units of two layers) is one Arbiter parameter.
 */
public final class HpLeaf<T> extends UnitLeaf<T> {

    private final Hp<T> hp;

    HpLeaf(Hp<T> hp) {
        this.hp = hp;
    }

    public Hp<T> hp() {
        return hp;
    }

    @Override
    T valueAt(double u) {
        return hp.fromUnit(u);
    }

    @Override
    String describe() {
        return String.format("Hp '%s'", hp.name());
    }

    @Override
    public String toString() {
        return String.format("HpLeaf(%s)", hp);
    }
}
