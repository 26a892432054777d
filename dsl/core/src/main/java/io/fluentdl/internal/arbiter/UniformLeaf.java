package io.fluentdl.internal.arbiter;

import io.fluentdl.search.Hp;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;

/** {@code Hp.uniform} as Arbiter's {@link ContinuousParameterSpace} over [low, high]. */
final class UniformLeaf extends ContinuousParameterSpace implements HpLeaf {

    private final Hp<?> hp;
    private int index = -1;

    UniformLeaf(Hp<?> hp) {
        super(hp.low(), hp.high());
        this.hp = hp;
    }

    @Override
    public Double getValue(double[] parameterValues) {
        return (Double) HpLeaf.valueAt(this, parameterValues);
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
        return String.format("UniformLeaf(%s)", hp);
    }
}
