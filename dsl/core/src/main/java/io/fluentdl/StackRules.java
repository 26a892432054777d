package io.fluentdl;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import io.fluentdl.layers.BatchNorm;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.layers.Dense;
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
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            String where = String.format("%s, layer %d '%s'", model, i + 1, layer.name());
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
                    && (i == 0 || !(layers.get(i - 1) instanceof Dense))) {
                String after = i == 0 ? "the input" : String.format("'%s'", layers.get(i - 1).name());
                problems.add(new Problem(where, "batchNormPlacement", spec.batchNormPlacement(),
                        String.format("%s needs batchNorm() directly after a dense(...) with an activation, but it follows %s",
                                spec.batchNormPlacement(), after),
                        "Move it up, or use AS_WRITTEN to keep it where it is"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
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
