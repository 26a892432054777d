package io.fluentdl.internal.arbiter;

import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An Arbiter space whose value is a function of one leaf's value: FluentDL's vocabulary turned into
 * DL4J's where the two differ (a dropout rate into DL4J's retain probability {@code 1 - rate}, a
 * choice of activation into DL4J's {@code IActivation}). Not a leaf: Arbiter indexes the leaf inside.
 */
final class MappedSpace<A, B> implements ParameterSpace<B> {

    /** A serializable function, as Arbiter may serialize its spaces. */
    interface Map1<A, B> extends Function<A, B>, Serializable {
    }

    private final ParameterSpace<A> leaf;
    private final Map1<A, B> function;
    private final String description;

    MappedSpace(ParameterSpace<A> leaf, Map1<A, B> function, String description) {
        this.leaf = leaf;
        this.function = function;
        this.description = description;
    }

    @Override
    public B getValue(double[] parameterValues) {
        return function.apply(leaf.getValue(parameterValues));
    }

    @Override
    public int numParameters() {
        return leaf.numParameters();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<ParameterSpace> collectLeaves() {
        return leaf.collectLeaves();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Map<String, ParameterSpace> getNestedSpaces() {
        return Map.of("leaf", leaf);
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException(String.format("%s is not a leaf; set the index of its leaf", this));
    }

    @Override
    public String toString() {
        return String.format("%s(%s)", description, leaf);
    }
}
