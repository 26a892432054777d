package io.fluentdl.graph;

import java.util.List;

/**
 * One node of a functional model after naming: a layer applied to one input, or a merge of several.
 * Exactly one of {@code layer} and {@code merge} is set.
 *
 * @param name   the node's name, unique among the model's inputs and nodes; a layer node's name is its layer's
 * @param layer  the layer, or null for a merge
 * @param merge  the merge, or null for a layer
 * @param inputs the names of the inputs or nodes it reads, in order
 */
public record GraphNode(String name, io.fluentdl.layers.LayerSpec layer, Merge merge, List<String> inputs) {

    public GraphNode {
        inputs = List.copyOf(inputs);
    }

    /** The Keras type shown by {@code summary()}: the layer's kind, or Add / Concatenate. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String kind() {
        return layer != null ? layer.kind() : merge.kind();
    }
}
