package io.fluentdl.internal.arbiter;

import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A user's Arbiter leaf seen as a one-parameter space of its own: coordinate {@code i} of the
 * vector it is given goes to the position the leaf reads in its own space ({@code leafIndex}), so
 * FluentDL's samplers can drive a leaf that Arbiter has already indexed inside a MultiLayerSpace.
 */
final class LeafAt<T> implements ParameterSpace<T> {

    private final String name;
    private final ParameterSpace<T> leaf;
    private final int leafIndex;
    private int index = -1;

    LeafAt(String name, ParameterSpace<T> leaf, int leafIndex) {
        this.name = name;
        this.leaf = leaf;
        this.leafIndex = leafIndex;
    }

    @Override
    public T getValue(double[] parameterValues) {
        if (index < 0) {
            throw new IllegalStateException(String.format("Cannot get value of '%s': index has not been set", name));
        }
        double[] own = new double[leafIndex + 1];
        own[leafIndex] = parameterValues[index];
        return leaf.getValue(own);
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
        return String.format("LeafAt(%s, %s)", name, leaf);
    }
}
