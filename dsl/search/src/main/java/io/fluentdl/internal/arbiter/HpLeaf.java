package io.fluentdl.internal.arbiter;

import io.fluentdl.search.Hp;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An {@link Hp} as a named leaf of an Arbiter space built by {@link MultiLayerSpaces}: the value at
 * coordinate {@code index} is {@code hp.fromUnit(u)}, which samples through the Hp's own Arbiter leaf
 * ({@link Hp#parameterSpace()}). The name lets a candidate's vector be read back as a FluentDL trial.
 * One object per Hp, so a value used in two fields (units of two layers) is one Arbiter parameter.
 */
public final class HpLeaf<T> implements ParameterSpace<T> {

    private final Hp<T> hp;
    private int index = -1;

    HpLeaf(Hp<T> hp) {
        this.hp = hp;
    }

    public Hp<T> hp() {
        return hp;
    }

    @Override
    public T getValue(double[] parameterValues) {
        if (index < 0) {
            throw new IllegalStateException(String.format("Hp '%s': its Arbiter index has not been set", hp.name()));
        }
        return hp.fromUnit(parameterValues[index]);
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
        if (indices == null || indices.length != 1) {
            throw new IllegalArgumentException(String.format("a leaf takes exactly one index, got %s",
                    Arrays.toString(indices)));
        }
        index = indices[0];
    }

    @Override
    public String toString() {
        return String.format("HpLeaf(%s)", hp);
    }
}
