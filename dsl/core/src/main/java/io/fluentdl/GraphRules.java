package io.fluentdl;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import io.fluentdl.graph.GraphInput;
import io.fluentdl.graph.GraphNode;
import io.fluentdl.internal.dl4j.GraphShapes;
import io.fluentdl.layers.Conv2D;
import io.fluentdl.layers.Dense;
import io.fluentdl.layers.GlobalPooling2D;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.layers.Output;
import io.fluentdl.layers.Pooling2D;
import io.fluentdl.layers.Shapes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a functional graph, checked together by {@link Functional#build()}: names known and
 * unique, no cycle, every node on a path to an output, outputs are {@code output(...)} layers, and
 * shapes that fit (image layers read images, dense layers vectors, {@code add} one shape). Each
 * problem is one line naming the node.
 */
final class GraphRules {

    private GraphRules() {
    }

    /** Checks {@code spec}, whose nodes are already in order. */
    static void check(GraphSpec spec) {
        sorted(spec.name(), spec.inputs(), spec.nodes(), spec.outputs());
    }

    /** The nodes in an order where each follows what it reads (stable otherwise); throws with every problem found. */
    static List<GraphNode> sorted(String name, List<GraphInput> inputs, List<GraphNode> nodes, List<String> outputs) {
        String model = String.format("Model '%s'", name);
        List<Problem> problems = new ArrayList<>();
        Map<String, long[]> shapes = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        if (inputs.isEmpty()) {
            problems.add(new Problem(model, "inputs", null, "a functional model needs at least one input", "Pass Input.of(name, size)"));
        }
        if (outputs.isEmpty()) {
            problems.add(new Problem(model, "outputs", null, "a functional model needs at least one output", "Pass the output(...) nodes"));
        }
        for (GraphInput input : inputs) {
            if (!names.add(input.name())) {
                problems.add(duplicate(model, input.name()));
            }
            shapes.put(input.name(), input.shape());
        }
        Map<String, GraphNode> byName = new LinkedHashMap<>();
        for (GraphNode node : nodes) {
            if (!names.add(node.name())) {
                problems.add(duplicate(model, node.name()));
            }
            byName.put(node.name(), node);
        }
        for (GraphNode node : nodes) {
            String where = where(model, node);
            for (String in : node.inputs()) {
                if (!names.contains(in)) {
                    problems.add(new Problem(where, "input", in, String.format("reads '%s', which is neither an input nor a node; known: %s",
                            in, String.join(", ", names)), "Fix the name or add that node"));
                }
            }
            if (node.layer() != null && node.inputs().size() != 1) {
                problems.add(new Problem(where, "inputs", node.inputs(), String.format("a %s layer reads exactly one node, got %d: %s",
                        node.kind(), node.inputs().size(), node.inputs()), "Merge them first with add(...) or concatenate(...)"));
            }
            if (node.merge() != null && node.inputs().size() < 2) {
                problems.add(new Problem(where, "inputs", node.inputs(), String.format("%s merges two or more nodes, got %d: %s",
                        node.kind(), node.inputs().size(), node.inputs()), ""));
            }
        }
        for (String out : outputs) {
            GraphNode node = byName.get(out);
            if (node == null || !(node.layer() instanceof Output)) {
                problems.add(new Problem(model, "outputs", out, node == null
                        ? String.format("output '%s' is not a node; nodes: %s", out, String.join(", ", byName.keySet()))
                        : String.format("output '%s' is a %s, not an output(...) layer", out, node.kind()),
                        "End each output with Layers.output(units, activation, loss)"));
            }
        }
        Map<String, List<String>> readers = new HashMap<>();
        nodes.forEach(n -> n.inputs().forEach(in -> readers.computeIfAbsent(in, k -> new ArrayList<>()).add(n.name())));
        for (GraphNode node : nodes) {
            if (node.layer() instanceof Output && !outputs.contains(node.name())) {
                problems.add(new Problem(where(model, node), "outputs", node.name(),
                        String.format("'%s' is an output(...) layer but not among the model's outputs %s", node.name(), outputs),
                        "Add it to the outputs, or use a dense layer"));
            }
            if (node.layer() instanceof Output && readers.containsKey(node.name())) {
                problems.add(new Problem(where(model, node), "outputs", node.name(), String.format(
                        "'%s' is an output(...) layer, but %s reads it", node.name(), readers.get(node.name())),
                        "Read the layer before it, or make it a dense layer"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        List<GraphNode> order = order(model, inputs, nodes, problems);
        dangling(model, inputs, order, outputs, readers, problems);
        if (problems.isEmpty()) {
            for (GraphNode node : order) {
                shapes.put(node.name(), shape(where(model, node), node, shapes, problems));
            }
            for (GraphNode node : order) {
                if (node.layer() instanceof Output out) {
                    StackRules.checkLoss(where(model, node), out, problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return order;
    }

    /** Kahn's order, picking the earliest-written ready node each time; a cycle is reported with its path. */
    private static List<GraphNode> order(String model, List<GraphInput> inputs, List<GraphNode> nodes, List<Problem> problems) {
        Set<String> done = new LinkedHashSet<>();
        inputs.forEach(i -> done.add(i.name()));
        List<GraphNode> left = new ArrayList<>(nodes);
        List<GraphNode> order = new ArrayList<>();
        while (!left.isEmpty()) {
            GraphNode ready = left.stream().filter(n -> done.containsAll(n.inputs())).findFirst().orElse(null);
            if (ready == null) {
                problems.add(new Problem(model, "nodes", cycle(left), String.format(
                        "the graph has a cycle: %s; a node cannot read its own output", cycle(left)), "Break the cycle"));
                return order;
            }
            left.remove(ready);
            order.add(ready);
            done.add(ready.name());
        }
        return order;
    }

    /** One cycle among {@code left} (each reads another of them), as "a -> b -> a". */
    private static String cycle(List<GraphNode> left) {
        Map<String, GraphNode> byName = new HashMap<>();
        left.forEach(n -> byName.put(n.name(), n));
        List<String> path = new ArrayList<>();
        GraphNode at = left.get(0);
        while (!path.contains(at.name())) {
            path.add(at.name());
            at = byName.get(at.inputs().stream().filter(byName::containsKey).findFirst().orElseThrow());
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(at.name()), path.size()));
        java.util.Collections.reverse(loop); // written as data flows: what is read first
        loop.add(loop.get(0));
        return String.join(" -> ", loop);
    }

    /** Inputs and nodes from which no output can be reached: Keras drops them silently, DL4J fails deep inside. */
    private static void dangling(String model, List<GraphInput> inputs, List<GraphNode> order, List<String> outputs,
                                 Map<String, List<String>> readers, List<Problem> problems) {
        if (!problems.isEmpty()) {
            return;
        }
        Set<String> useful = new LinkedHashSet<>(outputs);
        for (int i = order.size() - 1; i >= 0; i--) {
            if (useful.contains(order.get(i).name())) {
                useful.addAll(order.get(i).inputs());
            }
        }
        for (GraphInput input : inputs) {
            if (!useful.contains(input.name())) {
                problems.add(new Problem(String.format("%s, input '%s'", model, input.name()), "inputs", input.name(),
                        String.format("input '%s' leads to no output", input.name()), "Use it, or leave it out of the inputs"));
            }
        }
        for (GraphNode node : order) {
            if (!useful.contains(node.name())) {
                problems.add(new Problem(where(model, node), "nodes", node.name(), String.format(
                        "'%s' leads to no output (read by %s)", node.name(), readers.getOrDefault(node.name(), List.of())),
                        "Connect it to an output, or remove it"));
            }
        }
    }

    private static long[] shape(String where, GraphNode node, Map<String, long[]> shapes, List<Problem> problems) {
        List<long[]> in = node.inputs().stream().map(shapes::get).toList();
        if (in.stream().anyMatch(java.util.Objects::isNull)) {
            return in.stream().filter(java.util.Objects::nonNull).findFirst().orElse(new long[] {1});
        }
        if (node.merge() != null) {
            long[] out = GraphShapes.merged(node.merge(), in);
            if (out == null) {
                String got = String.join(", ", node.inputs().stream()
                        .map(n -> String.format("%s %s", n, Shapes.keras(shapes.get(n)))).toList());
                problems.add(new Problem(where, "inputs", got, node.merge() == io.fluentdl.graph.Merge.ADD
                        ? String.format("Add needs inputs of one shape, got %s", got)
                        : String.format("Concatenate needs all vectors, or images of one height and width, got %s", got),
                        "Make the shapes match, e.g. with a dense layer of the right units"));
                return in.get(0);
            }
            return out;
        }
        LayerSpec layer = node.layer();
        long[] shape = in.get(0);
        String previous = String.format("'%s'", node.inputs().get(0));
        boolean imageLayer = layer instanceof Conv2D || layer instanceof Pooling2D || layer instanceof GlobalPooling2D;
        if (imageLayer && !Shapes.isImage(shape)) {
            problems.add(new Problem(where, "input", Shapes.keras(shape), String.format("%s needs images (height, width, channels), but %s gives vectors %s",
                    layer.kind(), previous, Shapes.keras(shape)), "Read an image input or an image layer"));
            return shape;
        }
        if ((layer instanceof Dense || layer instanceof Output) && Shapes.isImage(shape)) {
            problems.add(new Problem(where, "input", Shapes.keras(shape), String.format("%s needs vectors, but %s gives images %s",
                    layer.kind(), previous, Shapes.keras(shape)), "Add Layers.flatten() or Layers.globalAvgPool() before it"));
            return new long[] {Shapes.after(layer, shape)[0]};
        }
        long[] out = GraphShapes.after(layer, shape);
        if (Shapes.isImage(out) && (out[0] < 1 || out[1] < 1)) {
            problems.add(new Problem(where, "kernel", Shapes.keras(shape), String.format("the window does not fit: %s %s would give %s",
                    layer.kind(), Shapes.keras(shape), Shapes.keras(out)), "Use a smaller kernel or pool size, or padding SAME"));
            return shape;
        }
        return out;
    }

    private static String where(String model, GraphNode node) {
        return String.format("%s, node '%s' (%s)", model, node.name(), node.kind());
    }

    private static Problem duplicate(String model, String name) {
        return new Problem(model, "name", name, String.format("input and node names must be unique, got name=%s twice", name),
                "Rename one of them");
    }
}
