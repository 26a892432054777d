package io.fluentdl.graph;

import java.util.List;

/**
 * A value in a functional model, Keras' symbolic tensor: an {@link Input}, or the output of an
 * {@link Op} applied to other nodes. Nodes only record how they were made; {@code Functional.model}
 * reads the graph from the outputs back, names the nodes and checks it.
 */
public final class Node {

    private final GraphInput input; // for an input node
    private final Op op;            // for a layer or merge node
    private final List<Node> inputs;

    private Node(GraphInput input, Op op, List<Node> inputs) {
        this.input = input;
        this.op = op;
        this.inputs = List.copyOf(inputs);
    }

    static Node input(GraphInput input) {
        return new Node(input, null, List.of());
    }

    static Node of(Op op, List<Node> inputs) {
        return new Node(null, op, inputs);
    }

    /** The input this node is, or null for a layer or merge node. */
    public GraphInput graphInput() {
        return input;
    }

    /** The op that made this node, or null for an input. */
    public Op op() {
        return op;
    }

    /** The nodes this one reads, in order (none for an input). */
    public List<Node> inputs() {
        return inputs;
    }

    /** Applies a layer to this node: {@code x.then(Layers.dense(64, RELU))} reads as {@code Layers.dense(64, RELU).apply(x)}. */
    public Node then(Op next) {
        return next.apply(this);
    }

    @Override
    public String toString() {
        if (input != null) {
            return String.format("Input '%s'", input.name());
        }
        return op.name() != null ? String.format("Node '%s'", op.name()) : String.format("Node %s (unnamed)", op.prefix());
    }
}
