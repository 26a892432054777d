package io.fluentdl.internal.dl4j;

import io.fluentdl.graph.GraphInput;
import io.fluentdl.graph.GraphNode;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.GradientClipping;
import io.fluentdl.optim.Optimizer;
import java.util.List;

/**
 * What the graph translator reads of a {@code GraphSpec} (as {@link StackSpec} is for a sequential
 * one): the spec hands these values over, so this package never imports the spec's.
 *
 * @param nodes in an order where every node comes after the nodes it reads
 */
public record GraphPlan(String name, long seed, Optimizer optimizer, GradientClipping gradientClipping,
                        BnPlacement batchNormPlacement, List<GraphInput> inputs, List<GraphNode> nodes, List<String> outputs) {

    public GraphPlan {
        inputs = List.copyOf(inputs);
        nodes = List.copyOf(nodes);
        outputs = List.copyOf(outputs);
    }
}
