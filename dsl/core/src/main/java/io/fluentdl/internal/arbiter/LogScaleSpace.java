package io.fluentdl.internal.arbiter;

import io.fluentdl.search.Hp;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A leaf for the scales Arbiter has no class for: {@code logUniform}, {@code oneMinusLogUniform}
 * and {@code intLogRange}. Arbiter would need a ContinuousParameterSpace wrapped in two chained
 * {@code MathOp}s for 1 - 10^r; this leaf maps u with {@link Hp#fromUnit(double)} directly.
 *
 * <p>Arbiter's grid generator treats it as continuous and spaces its points evenly in u, which
 * is evenly in log10 of the value (or of 1 - value): the grid a lecture would draw.
 */
final class LogScaleSpace implements ParameterSpace<Object>, HpLeaf {

    private final Hp<?> hp;
    private int index = -1;

    LogScaleSpace(Hp<?> hp) {
        this.hp = hp;
    }

    @Override
    public Object getValue(double[] parameterValues) {
        return HpLeaf.valueAt(this, parameterValues);
    }

    @Override
    public int numParameters() {
        return 1;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<ParameterSpace> collectLeaves() {
        return Collections.singletonList(this);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Map<String, ParameterSpace> getNestedSpaces() {
        return Collections.emptyMap();
    }

    @Override
    public boolean isLeaf() {
        return true;
    }

    @Override
    public void setIndices(int... indices) {
        index = HpLeaf.singleIndex(indices);
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
        return String.format("LogScaleSpace(%s)", hp);
    }
}
