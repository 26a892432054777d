package io.fluentdl.internal.arbiter;

/**
 * A searched Hp (a {@link StackTemplate.Axis}) as a named leaf of an Arbiter space built by
 * {@link MultiLayerSpaces}: the value at coordinate {@code index} is {@code axis.fromUnit(u)}, which
 * samples through the Hp's own Arbiter leaf. The name lets a candidate's vector be read back as a FluentDL trial.
 * One object per Hp, so a value used in two fields (units of two layers) is one Arbiter parameter.
 */
final class HpLeaf<T> extends UnitLeaf<T> {

    private final StackTemplate.Axis hp;

    HpLeaf(StackTemplate.Axis hp) {
        this.hp = hp;
    }

    StackTemplate.Axis hp() {
        return hp;
    }

    @Override
    @SuppressWarnings("unchecked")
    T valueAt(double u) {
        return (T) hp.fromUnit(u);
    }

    @Override
    String describe() {
        return String.format("Hp '%s'", hp.name());
    }

    @Override
    public String toString() {
        return String.format("HpLeaf(%s)", hp.name());
    }
}
