package io.fluentdl;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import io.fluentdl.layers.BatchNorm;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.layers.Conv2D;
import io.fluentdl.layers.Dense;
import io.fluentdl.layers.GlobalPooling2D;
import io.fluentdl.layers.Pooling2D;
import io.fluentdl.layers.Shapes;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.layers.Output;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Loss;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules that involve more than one argument, checked together by {@link Sequential#build()}. */
final class StackRules {

    private StackRules() {
    }

    static void check(ModelSpec spec) {
        List<Problem> problems = new ArrayList<>();
        String model = String.format("Model '%s'", spec.name());
        List<LayerSpec> layers = spec.layers();

        if (spec.inputSize() < 1) {
            problems.add(new Problem(model, "input", null,
                    "the stack must start with input(size); no input size was given", "Add .input(n) first"));
        }
        if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof Output)) {
            String end = layers.isEmpty() ? "no layers" : String.format("'%s'", layers.get(layers.size() - 1).name());
            problems.add(new Problem(model, "output", null,
                    String.format("the stack must end with output(units, activation, loss); it ends with %s", end), ""));
        }
        Set<String> names = new HashSet<>();
        long[] shape = Shapes.input(spec.inputShape(), Math.max(1, spec.inputSize()));
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            String where = String.format("%s, layer %d '%s'", model, i + 1, layer.name());
            String previous = i == 0 ? "the input" : String.format("'%s'", layers.get(i - 1).name());
            shape = checkShape(where, layer, shape, previous, problems);
            if (!names.add(layer.name())) {
                problems.add(new Problem(where, "name", layer.name(),
                        String.format("layer names must be unique, got name=%s twice", layer.name()), "Rename one of them"));
            }
            if (layer instanceof Output && i != layers.size() - 1) {
                problems.add(new Problem(where, "output", layer.name(),
                        "output(...) must be the last layer and appear once", "Move it to the end"));
            }
            if (layer instanceof Output out) {
                checkLoss(where, out, problems);
            }
            if (layer instanceof BatchNorm && spec.batchNormPlacement().onEveryDense()
                    && (i == 0 || !(layers.get(i - 1) instanceof Dense || layers.get(i - 1) instanceof Conv2D))) {
                String after = i == 0 ? "the input" : String.format("'%s'", layers.get(i - 1).name());
                problems.add(new Problem(where, "batchNormPlacement", spec.batchNormPlacement(),
                        String.format("%s needs batchNorm() directly after a dense(...) or conv2d(...) with an activation, but it follows %s",
                                spec.batchNormPlacement(), after),
                        "Move it up, or use AS_WRITTEN to keep it where it is"));
            }
        }
        checkFrozen(spec, model, names, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    /** Frozen names must be layers of the stack (the input batch norm counts), and not the output layer. */
    private static void checkFrozen(ModelSpec spec, String model, Set<String> names, List<Problem> problems) {
        Set<String> known = new java.util.TreeSet<>(names);
        if (spec.inputBatchNorm() != null) {
            known.add(spec.inputBatchNorm().name());
        }
        for (String name : spec.frozen()) {
            if (name == null || !known.contains(name)) {
                problems.add(new Problem(model, "freeze", name, String.format(
                        "freeze names a layer the model does not have, got name=%s; layers: %s", name, String.join(", ", known)), ""));
            } else if (!spec.layers().isEmpty() && name.equals(spec.layers().get(spec.layers().size() - 1).name())) {
                problems.add(new Problem(model, "freeze", name, String.format(
                        "the output layer cannot be frozen (DL4J trains its output layer), got name=%s", name),
                        "Freeze the layers below it"));
            }
        }
    }

    /**
     * Image layers need images and dense layers need vectors; DL4J would flatten silently before a dense
     * layer, Keras would not (its Dense acts on the channel axis), so we ask for flatten() as Keras users write it.
     * Returns the layer's output shape, or the input shape unchanged when the layer cannot take it.
     */
    private static long[] checkShape(String where, LayerSpec layer, long[] in, String previous, List<Problem> problems) {
        boolean imageLayer = layer instanceof Conv2D || layer instanceof Pooling2D || layer instanceof GlobalPooling2D;
        if (imageLayer && !Shapes.isImage(in)) {
            problems.add(new Problem(where, "input", Shapes.keras(in),
                    String.format("%s needs images (height, width, channels), but %s gives vectors %s",
                            layer.kind(), previous, Shapes.keras(in)),
                    "Start the model with input(height, width, channels), and put image layers before flatten()"));
            return in;
        }
        if ((layer instanceof Dense || layer instanceof Output) && Shapes.isImage(in)) {
            problems.add(new Problem(where, "input", Shapes.keras(in),
                    String.format("%s needs vectors, but %s gives images %s", layer.kind(), previous, Shapes.keras(in)),
                    "Add flatten() or globalAvgPool() before it"));
            return new long[] {Shapes.after(layer, in)[0]};
        }
        long[] out = Shapes.after(layer, in);
        if (Shapes.isImage(out) && (out[0] < 1 || out[1] < 1)) {
            problems.add(new Problem(where, "kernel", Shapes.keras(in),
                    String.format("the window does not fit: %s %s would give %s", layer.kind(), Shapes.keras(in), Shapes.keras(out)),
                    "Use a smaller kernel or pool size, padding SAME, or fewer pooling layers"));
            return in;
        }
        return out;
    }

    // DL4J would accept these and train badly; Keras users know them as the classic mix-ups.
    private static void checkLoss(String where, Output out, List<Problem> problems) {
        if (out.loss() == Loss.BINARY_CROSSENTROPY && out.activation() != Activation.SIGMOID
                && out.activation() != Activation.HARD_SIGMOID) {
            problems.add(new Problem(where, "activation", out.activation().kerasName(),
                    String.format("binary_crossentropy needs probabilities from a sigmoid output, got activation=%s",
                            out.activation().kerasName()),
                    "Use output(units, SIGMOID, BINARY_CROSSENTROPY)"));
        }
        if (out.loss() == Loss.CATEGORICAL_CROSSENTROPY || out.loss() == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
            if (out.activation() != Activation.SOFTMAX) {
                problems.add(new Problem(where, "activation", out.activation().kerasName(),
                        String.format("%s needs a softmax output, got activation=%s", out.loss().kerasName(),
                                out.activation().kerasName()),
                        "Use output(classes, SOFTMAX, CATEGORICAL_CROSSENTROPY)"));
            }
            if (out.units() < 2) {
                problems.add(new Problem(where, "units", out.units(),
                        String.format("%s needs units >= 2 (one per class), got units=%d", out.loss().kerasName(), out.units()),
                        "For two classes with one unit use SIGMOID with BINARY_CROSSENTROPY"));
            }
        }
    }
}
