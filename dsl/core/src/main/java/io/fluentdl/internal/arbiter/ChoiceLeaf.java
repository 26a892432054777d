package io.fluentdl.internal.arbiter;

import io.fluentdl.search.Hp;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Hp.choice}, {@code Hp.bool} and stepped {@code Hp.intRange} as Arbiter's
 * {@link DiscreteParameterSpace}, so Arbiter's grid generator enumerates every value.
 */
final class ChoiceLeaf extends DiscreteParameterSpace<Object> implements HpLeaf {

    private final Hp<?> hp;
    private int index = -1;

    ChoiceLeaf(Hp<?> hp) {
        super(valuesOf(hp));
        this.hp = hp;
    }

    private static List<Object> valuesOf(Hp<?> hp) {
        if (!hp.values().isEmpty()) {
            return new ArrayList<>(hp.values());
        }
        List<Object> values = new ArrayList<>();
        for (long v = (long) hp.low(); v <= (long) hp.high(); v += hp.step()) {
            values.add((int) v);
        }
        return values;
    }

    @Override
    public Object getValue(double[] parameterValues) {
        return HpLeaf.valueAt(this, parameterValues);
    }

    @Override
    public void setIndices(int... indices) {
        index = HpLeaf.singleIndex(indices);
        super.setIndices(indices);
    }

    @Override
    public Hp<?> hp() {
        return hp;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public String toString() {
        return String.format("ChoiceLeaf(%s)", hp);
    }
}
