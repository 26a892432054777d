package io.fluentdl.experiments.sweep;

import io.fluentdl.errors.Problem;
import io.fluentdl.nn.Activation;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code model:} section of a sweep file into a {@link SweepModel}; see {@link SweepParser}. */
final class ModelSection {

    /** The section's own keys; any {@link Knob} name is allowed too, as a fixed value. */
    static final List<String> KEYS = List.of("data", "train_size", "validation_size", "test_size", "noise", "epochs",
            "optimizer", "output", "seed");

    /**
     * The section read.
     *
     * @param keys the section's keys and values as written: the parameters section rejects a knob
     *             fixed here, citing its line
     */
    record Read(SweepModel model, Map<String, Node> keys) {
    }

    private final YamlReader yaml;

    ModelSection(YamlReader yaml) {
        this.yaml = yaml;
    }

    /**
     * @param node      the section, or null for an all-default model
     * @param sweepSeed the model's seed unless the section gives one
     */
    Read read(Node node, long sweepSeed) {
        Map<String, Node> m = new LinkedHashMap<>();
        List<String> allowed = new ArrayList<>(KEYS);
        allowed.addAll(Knob.names());
        if (node != null) {
            m = yaml.keys(yaml.mapping(node, "model"), allowed, "model key");
        }
        SweepModel.DataKind data = m.containsKey("data") ? yaml.choice(m.get("data"), "data",
                SweepModel.DataKind.class, SweepModel.DataKind.MNIST) : SweepModel.DataKind.MNIST;
        boolean mnist = data == SweepModel.DataKind.MNIST;
        int train = yaml.integer(m.get("train_size"), "train_size", mnist ? 5000 : 500, 1);
        int validation = yaml.integer(m.get("validation_size"), "validation_size", mnist ? 1000 : 250, 0);
        int test = yaml.integer(m.get("test_size"), "test_size", mnist ? 1000 : 250, 0);
        if (mnist && train + validation > 60_000 && m.containsKey("train_size")) {
            yaml.add(Problem.of(yaml.at(m.get("train_size")), "train_size", train, String.format(
                    "MNIST has 60000 training images, got train_size + validation_size = %d", train + validation)));
        }
        if (mnist && test > 10_000) {
            yaml.add(Problem.of(yaml.at(m.get("test_size")), "test_size", test, String.format(
                    "MNIST has 10000 test images, got test_size=%d", test)));
        }
        double noise = yaml.real(m.get("noise"), "noise", 0.1);
        int epochs = yaml.integer(m.get("epochs"), "epochs", 10, 1, io.fluentdl.errors.Limits.MAX_EPOCHS,
                "DL4J counts iterations in an int, which longer runs overflow");
        SweepModel.OptimizerKind opt = m.containsKey("optimizer") ? yaml.choice(m.get("optimizer"), "optimizer",
                SweepModel.OptimizerKind.class, SweepModel.OptimizerKind.SGD) : SweepModel.OptimizerKind.SGD;
        Activation output = output(m.get("output"), data);
        long seed = m.containsKey("seed") ? yaml.integer(m.get("seed"), "seed", 0, Integer.MIN_VALUE) : sweepSeed;
        Map<Knob, Object> fixed = new EnumMap<>(SweepModel.defaults(opt));
        for (Map.Entry<String, Node> e : m.entrySet()) {
            Knob knob = Knob.find(e.getKey());
            if (knob != null) {
                Object v = yaml.convert(knob, e.getValue());
                if (v != null) {
                    fixed.put(knob, v);
                }
            }
        }
        return new Read(new SweepModel(data, train, validation, test, noise, epochs, opt, output, fixed, seed), m);
    }

    /** The data decide the output activation; {@code output:} may only confirm it (null: not given). */
    private Activation output(Node node, SweepModel.DataKind data) {
        Activation output = data == SweepModel.DataKind.MNIST ? Activation.SOFTMAX : Activation.SIGMOID;
        if (node != null) {
            String o = yaml.text(node).trim().toLowerCase(Locale.ROOT);
            if (!o.equals(output.kerasName())) {
                yaml.add(Problem.of(yaml.at(node), "output", o, String.format("data %s needs output %s, got output=%s",
                        data.name().toLowerCase(Locale.ROOT), output.kerasName(), o)));
            }
        }
        return output;
    }
}
