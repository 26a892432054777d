package io.fluentdl.internal.arbiter;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/**
 * An Arbiter leaf that reads one coordinate of the candidate vector: the index bookkeeping every
 * {@link ParameterSpace} leaf repeats (Arbiter's own leaves each carry a copy), written once.
 * Subclasses map the coordinate, a number in [0, 1], to their value.
 */
abstract class UnitLeaf<T> implements ParameterSpace<T> {

    private int index = -1;

    /** The value at unit coordinate {@code u}. */
    abstract T valueAt(double u);

    /** What the leaf is, for the message when its index was never set. */
    abstract String describe();

    @Override
    public final T getValue(double[] parameterValues) {
        if (index < 0) {
            throw new IllegalStateException(String.format("%s: its Arbiter index has not been set", describe()));
        }
        return valueAt(parameterValues[index]);
    }

    @Override
    public final int numParameters() {
        return 1;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public final List<ParameterSpace> collectLeaves() {
        return Collections.singletonList(this);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public final Map<String, ParameterSpace> getNestedSpaces() {
        return Collections.emptyMap();
    }

    @Override
    public final boolean isLeaf() {
        return true;
    }

    @Override
    public final void setIndices(int... indices) {
        if (indices == null || indices.length != 1) {
            throw new IllegalArgumentException(String.format("a leaf takes exactly one index, got %s",
                    Arrays.toString(indices)));
        }
        index = indices[0];
    }
}
