package io.fluentdl.internal.arbiter;

import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/**
 * A user's Arbiter leaf seen as a one-parameter space of its own: coordinate {@code i} of the
 * vector it is given goes to the position the leaf reads in its own space ({@code leafIndex}), so
 * FluentDL's samplers can drive a leaf that Arbiter has already indexed inside a MultiLayerSpace.
 */
final class LeafAt<T> extends UnitLeaf<T> {

    private final String name;
    private final ParameterSpace<T> leaf;
    private final int leafIndex;

    LeafAt(String name, ParameterSpace<T> leaf, int leafIndex) {
        this.name = name;
        this.leaf = leaf;
        this.leafIndex = leafIndex;
    }

    @Override
    T valueAt(double u) {
        double[] own = new double[leafIndex + 1];
        own[leafIndex] = u;
        return leaf.getValue(own);
    }

    @Override
    String describe() {
        return String.format("'%s'", name);
    }

    @Override
    public String toString() {
        return String.format("LeafAt(%s, %s)", name, leaf);
    }
}
