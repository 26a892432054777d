package io.fluentdl.graph;

import io.fluentdl.errors.Check;
import io.fluentdl.layers.ActivationLayer;
import io.fluentdl.layers.BatchNorm;
import io.fluentdl.layers.Conv2D;
import io.fluentdl.layers.CustomLayer;
import io.fluentdl.layers.Dense;
import io.fluentdl.layers.Dropout;
import io.fluentdl.layers.Flatten;
import io.fluentdl.layers.GlobalPooling2D;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.layers.Output;
import io.fluentdl.layers.Pooling2D;
import java.util.Arrays;
import java.util.List;

/**
 * A layer or merge not yet placed in a graph, Keras' layer object before it is called: {@link #apply}
 * places it on its inputs and gives the new {@link Node}. Made by {@link Layers}; immutable, so one
 * {@code Op} may be applied several times (each application is its own layer, with its own weights).
 *
 * <pre>{@code
 * Node h = Layers.dense(64, RELU).apply(x);
 * Node y = Layers.output(10, SOFTMAX, CATEGORICAL_CROSSENTROPY).named("digits").apply(h);
 * }</pre>
 */
public final class Op {

    private final LayerSpec layer; // its name null until named, or until the model names it
    private final Merge merge;
    private final String mergeName;

    private Op(LayerSpec layer, Merge merge, String mergeName) {
        this.layer = layer;
        this.merge = merge;
        this.mergeName = mergeName;
    }

    static Op layer(LayerSpec layer) {
        return new Op(layer, null, null);
    }

    static Op merge(Merge merge) {
        return new Op(null, merge, null);
    }

    /** This op with a name of its own (default: Keras' auto name, {@code dense_1}, counted per model and kind). */
    public Op named(String name) {
        if (name == null || name.isBlank()) {
            throw io.fluentdl.errors.InvalidConfigException.of(String.format("Layers.%s", prefix()), "name", name,
                    "a node name must not be blank", "Pass a name such as \"dense_a\", or leave the auto name");
        }
        return layer == null ? new Op(null, merge, name) : new Op(withName(layer, name), null, null);
    }

    /**
     * Places this op on {@code inputs}: one input for a layer, two or more for a merge.
     *
     * @return the node this op's output is, to pass to further ops or to {@code Functional.model}
     */
    public Node apply(Node... inputs) {
        String where = String.format("Layers.%s(...).apply", prefix());
        Check.notNull(where, "inputs", inputs);
        for (Node input : inputs) {
            Check.notNull(where, "input", input);
        }
        return Node.of(this, List.of(inputs));
    }

    /** The layer, its name null when not given, or null for a merge. */
    public LayerSpec layer() {
        return layer;
    }

    /** The merge, or null for a layer. */
    public Merge merge() {
        return merge;
    }

    /** The given name, or null for an auto name. */
    public String name() {
        return layer != null ? layer.name() : mergeName;
    }

    /** The auto-name prefix: {@code dense}, {@code conv2d}, {@code add}, ... */
    public String prefix() {
        if (merge != null) {
            return merge.autoPrefix();
        }
        if (layer instanceof Pooling2D p) {
            return p.type() == io.fluentdl.layers.PoolType.MAX ? "max_pooling2d" : "average_pooling2d";
        }
        if (layer instanceof GlobalPooling2D p) {
            return p.type() == io.fluentdl.layers.PoolType.MAX ? "global_max_pooling2d" : "global_average_pooling2d";
        }
        return layer.autoPrefix();
    }

    /** {@code layer} under another name (a spec is immutable: a copy). */
    public static LayerSpec withName(LayerSpec layer, String name) {
        if (layer instanceof Dense d) {
            return new Dense(name, d.units(), d.activation(), d.init(), d.useBias(), d.regularization());
        } else if (layer instanceof Output o) {
            return new Output(name, o.units(), o.activation(), o.loss(), o.init(), o.useBias(), o.regularization());
        } else if (layer instanceof Conv2D c) {
            return new Conv2D(name, c.filters(), c.kernel(), c.stride(), c.padding(), c.activation(), c.init(),
                    c.useBias(), c.regularization());
        } else if (layer instanceof BatchNorm b) {
            return new BatchNorm(name, b.momentum(), b.epsilon(), b.center(), b.scale());
        } else if (layer instanceof Dropout d) {
            return new Dropout(name, d.rate());
        } else if (layer instanceof ActivationLayer a) {
            return new ActivationLayer(name, a.activation());
        } else if (layer instanceof Pooling2D p) {
            return new Pooling2D(name, p.type(), p.size(), p.stride(), p.padding());
        } else if (layer instanceof GlobalPooling2D g) {
            return new GlobalPooling2D(name, g.type());
        } else if (layer instanceof Flatten) {
            return new Flatten(name);
        } else if (layer instanceof CustomLayer c) {
            return new CustomLayer(name, c.dl4jJson(), c.dl4jType());
        }
        throw new IllegalArgumentException(String.format("Op.withName: no rename for %s", Arrays.asList(layer)));
    }
}
