package io.fluentdl.internal.arbiter;

import org.deeplearning4j.arbiter.layers.LayerSpace;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.nn.conf.layers.Layer;

import java.util.List;
import java.util.Map;

/**
 * A layer no Hp sets, in an Arbiter {@code MultiLayerSpace}: a copy of the layer for every candidate.
 *
 * <p>Why not Arbiter's {@code FixedLayerSpace}: it says it is a leaf, so Arbiter's
 * {@code GridSearchCandidateGenerator} counts it as one more axis (with {@code discretizationCount}
 * points) and repeats every grid point for each fixed layer; this one has no leaves.
 */
final class ConstantLayerSpace<L extends Layer> extends LayerSpace<L> {

    private final L layer;

    ConstantLayerSpace(L layer) {
        this.layer = layer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public L getValue(double[] parameterValues) {
        return (L) layer.clone();
    }

    @Override
    public int numParameters() {
        return 0;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<ParameterSpace> collectLeaves() {
        return List.of();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Map<String, ParameterSpace> getNestedSpaces() {
        return Map.of();
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException(String.format("%s has no parameters to index", this));
    }

    @Override
    public String toString() {
        return String.format("ConstantLayerSpace(%s)", layer.getClass().getSimpleName());
    }
}
