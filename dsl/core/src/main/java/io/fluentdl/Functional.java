package io.fluentdl;

import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import io.fluentdl.graph.GraphInput;
import io.fluentdl.graph.GraphNode;
import io.fluentdl.graph.Input;
import io.fluentdl.graph.Node;
import io.fluentdl.graph.Op;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.layers.ImageShape;
import io.fluentdl.optim.GradientClipping;
import io.fluentdl.optim.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link GraphSpec}, Keras' functional API: {@code keras.Model(inputs, outputs)} for models
 * that are not a stack (residual connections, several inputs, several outputs). Two ways to write one:
 *
 * <pre>{@code
 * // Keras' way: apply layers to nodes, then name the inputs and outputs
 * Node x = Input.of("features", 8);
 * Node h = Layers.dense(8, RELU).apply(x);
 * Node sum = Layers.add(x, Layers.dense(8, IDENTITY).apply(h));
 * Node y = Layers.output(1, SIGMOID, BINARY_CROSSENTROPY).apply(sum);
 * GraphSpec spec = Functional.model("residual", x, y).optimizer(Adam.of(1e-3)).seed(1).build();
 *
 * // by name, as DL4J's GraphBuilder: nodes may be written in any order
 * GraphSpec same = Functional.named("residual")
 *         .input("features", 8)
 *         .add("dense_1", Layers.dense(8, RELU), "features")
 *         .add("dense_2", Layers.dense(8, IDENTITY), "dense_1")
 *         .add("add_1", Layers.add(), "features", "dense_2")
 *         .add("output_1", Layers.output(1, SIGMOID, BINARY_CROSSENTROPY), "add_1")
 *         .outputs("output_1")
 *         .build();
 * }</pre>
 * Unnamed nodes get Keras' auto names ({@code dense_1}, {@code add_1}), counted per model in the order
 * data flows. {@link #build()} checks the whole graph and reports every problem at once (unknown names,
 * cycles, nodes that lead to no output, shapes that do not fit). Train with {@code Model.of(spec)}.
 *
 * <p>Maps to DL4J: {@code ComputationGraphConfiguration} (see {@code Model.configuration(GraphSpec)}).
 */
public final class Functional {

    private final String name;
    private final List<GraphInput> inputs = new ArrayList<>();
    private final List<GraphNode> nodes = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private BnPlacement placement = BnPlacement.AS_WRITTEN;
    private Optimizer optimizer = Sequential.DEFAULT_OPTIMIZER;
    private long seed = Sequential.DEFAULT_SEED;
    private GradientClipping clipping;

    private Functional(String name) {
        this.name = name;
    }

    /** Starts a graph written by node names ({@link #input}, {@link #add}, {@link #outputs}). */
    public static Functional named(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidConfigException.of("Functional", "name", name, "a model needs a non-blank name",
                    "Use Functional.named(\"my-model\")");
        }
        return new Functional(name);
    }

    /** A model from one input node to one output node. */
    public static Functional model(String name, Node input, Node output) {
        return model(name, List.of(input), List.of(output));
    }

    /**
     * Keras' {@code keras.Model(inputs, outputs)}: the graph that leads from {@code inputs} to
     * {@code outputs}, read backwards from the outputs.
     *
     * @param inputs  the {@link Input} nodes, in the order DL4J receives them
     * @param outputs the {@code Layers.output(...)} nodes, each with its own loss
     */
    public static Functional model(String name, List<Node> inputs, List<Node> outputs) {
        Functional f = named(name);
        String where = String.format("Model '%s'", name);
        Check.notNull(where, "inputs", inputs);
        Check.notNull(where, "outputs", outputs);
        List<Problem> problems = new ArrayList<>();
        for (Node in : inputs) {
            if (in == null || in.graphInput() == null) {
                problems.add(new Problem(where, "inputs", in, String.format("inputs must be Input.of(...) nodes, got %s", in), ""));
            } else {
                f.inputs.add(in.graphInput());
            }
        }
        List<Node> order = new ArrayList<>();
        Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node out : outputs) {
            Check.notNull(where, "output", out);
            collect(out, seen, order);
        }
        for (Node node : order) {
            if (node.graphInput() != null && !inputs.contains(node)) {
                problems.add(new Problem(where, "inputs", node.graphInput().name(), String.format(
                        "the outputs read input '%s', which is not among the model's inputs %s", node.graphInput().name(),
                        f.inputs.stream().map(GraphInput::name).toList()), "Add it to the inputs"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        Map<Node, String> names = names(order, f.inputs);
        for (Node node : order) {
            if (node.graphInput() == null) {
                f.nodes.add(node(node, names));
            }
        }
        outputs.forEach(out -> f.outputs.add(names.get(out)));
        return f;
    }

    /** Post-order from {@code node}: every node after the nodes it reads. */
    private static void collect(Node node, Set<Node> seen, List<Node> order) {
        if (!seen.add(node)) {
            return;
        }
        for (Node in : node.inputs()) {
            collect(in, seen, order);
        }
        order.add(node);
    }

    /** Given names kept; the others get Keras' auto names, counted per prefix in data-flow order, skipping taken ones. */
    private static Map<Node, String> names(List<Node> order, List<GraphInput> inputs) {
        Set<String> taken = new LinkedHashSet<>();
        inputs.forEach(i -> taken.add(i.name()));
        order.stream().filter(n -> n.op() != null && n.op().name() != null).forEach(n -> taken.add(n.op().name()));
        Map<Node, String> names = new IdentityHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Node node : order) {
            if (node.graphInput() != null) {
                names.put(node, node.graphInput().name());
            } else if (node.op().name() != null) {
                names.put(node, node.op().name());
            } else {
                String auto;
                do {
                    int k = counts.merge(node.op().prefix(), 1, Integer::sum);
                    auto = String.format("%s_%d", node.op().prefix(), k);
                } while (taken.contains(auto));
                taken.add(auto);
                names.put(node, auto);
            }
        }
        return names;
    }

    private static GraphNode node(Node node, Map<Node, String> names) {
        String nodeName = names.get(node);
        List<String> ins = node.inputs().stream().map(names::get).toList();
        Op op = node.op();
        return op.layer() != null ? new GraphNode(nodeName, Op.withName(op.layer(), nodeName), null, ins)
                : new GraphNode(nodeName, null, op.merge(), ins);
    }

    /** A vector input of {@code size} features. */
    public Functional input(String inputName, int size) {
        inputs.add(Input.of(inputName, size).graphInput());
        return this;
    }

    /** An image input, channels-last (see {@link ImageShape}). */
    public Functional input(String inputName, int height, int width, int channels) {
        inputs.add(Input.of(inputName, height, width, channels).graphInput());
        return this;
    }

    /**
     * A node named {@code nodeName}: {@code op} (a layer or a merge from {@link io.fluentdl.graph.Layers}) reading
     * the inputs or nodes named {@code from}, which may be added later.
     */
    public Functional add(String nodeName, Op op, String... from) {
        String where = String.format("Model '%s', node '%s'", name, nodeName);
        Check.notNull(where, "op", op);
        if (nodeName == null || nodeName.isBlank()) {
            throw InvalidConfigException.of(String.format("Model '%s'", name), "name", nodeName, "a node needs a non-blank name", "");
        }
        LayerSpec layer = op.layer() == null ? null : Op.withName(op.layer(), nodeName);
        nodes.add(new GraphNode(nodeName, layer, op.merge(), Arrays.asList(from)));
        return this;
    }

    /** The output nodes, by name; each an {@code output(...)} layer. Replaces earlier ones. */
    public Functional outputs(String... names) {
        outputs.clear();
        outputs.addAll(Arrays.asList(names));
        return this;
    }

    /**
     * The batch-norm switch (see {@link BnPlacement}), applied to every dense or conv node read only by a batch-norm
     * node: BEFORE_ACTIVATION moves its activation after the batch norm and drops its bias, as in {@code Sequential};
     * NONE leaves the batch norms out. A graph has no single "every hidden layer", so the switch adds no batch norm.
     */
    public Functional batchNormPlacement(BnPlacement placement) {
        this.placement = Check.notNull(where(), "batchNormPlacement", placement);
        return this;
    }

    /** The optimizer; default Keras' {@code rmsprop}. */
    public Functional optimizer(Optimizer optimizer) {
        this.optimizer = Check.notNull(where(), "optimizer", optimizer);
        return this;
    }

    /** The seed of weight init, dropout masks and batch order; default {@value Sequential#DEFAULT_SEED}. */
    public Functional seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Keras' {@code clipnorm}; see {@link GradientClipping}. */
    public Functional clipNorm(double threshold) {
        this.clipping = GradientClipping.replacing(where(), clipping, GradientClipping.Kind.NORM, threshold);
        return this;
    }

    /** Checks the whole graph and returns the immutable spec; all problems are reported at once. */
    public GraphSpec build() {
        List<GraphNode> sorted = GraphRules.sorted(name, inputs, nodes, outputs);
        return new GraphSpec(name, inputs, sorted, outputs, placement, optimizer, seed, clipping);
    }

    private String where() {
        return String.format("Model '%s'", name);
    }
}
