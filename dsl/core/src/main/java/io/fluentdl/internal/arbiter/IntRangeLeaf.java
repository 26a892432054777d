package io.fluentdl.internal.arbiter;

import io.fluentdl.search.Hp;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;

/**
 * {@code Hp.intRange} with step 1 as Arbiter's {@link IntegerParameterSpace}.
 *
 * <p>Why override {@code getValue}: Arbiter's own leaf inverts a uniform integer CDF, which gives
 * the lower middle value at u = 1/2 for an even count (0..1 gives 0) and differs from
 * {@link Hp#fromUnit} wherever u times the count is a whole number. Delegating keeps one mapping.
 */
final class IntRangeLeaf extends IntegerParameterSpace implements HpLeaf {

    private final Hp<?> hp;
    private int index = -1;

    IntRangeLeaf(Hp<?> hp) {
        super((int) hp.low(), (int) hp.high());
        this.hp = hp;
    }

    @Override
    public Integer getValue(double[] parameterValues) {
        return (Integer) HpLeaf.valueAt(this, parameterValues);
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
        return String.format("IntRangeLeaf(%s)", hp);
    }
}
