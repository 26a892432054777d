package io.fluentdl.experiments.sweep;

import io.fluentdl.errors.Problem;
import org.yaml.snakeyaml.nodes.Node;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code early_terminate:} section of a sweep file ({@link Sweep.EarlyTerminate}); see {@link SweepParser}. */
final class EarlyTerminateSection {

    static final List<String> KEYS = List.of("type", "min_iter", "max_iter", "eta", "min_trials");

    private final YamlReader yaml;

    EarlyTerminateSection(YamlReader yaml) {
        this.yaml = yaml;
    }

    /** @param model the model section: hyperband's max_iter defaults to, and may not exceed, its epochs */
    Sweep.EarlyTerminate read(Node node, SweepModel model) {
        Map<String, Node> m = yaml.keys(yaml.mapping(node, "early_terminate"), KEYS, "early_terminate key");
        if (!m.containsKey("type")) {
            yaml.add(Problem.of(yaml.at(node), "type", null, "early_terminate needs type: hyperband, asha or median"));
            return null;
        }
        Sweep.EarlyTerminate.Type type = yaml.choice(m.get("type"), "early_terminate type",
                Sweep.EarlyTerminate.Type.class, null);
        boolean hyperband = type == Sweep.EarlyTerminate.Type.HYPERBAND;
        int minIter = yaml.integer(m.get("min_iter"), "min_iter", 1, type == Sweep.EarlyTerminate.Type.MEDIAN ? 0 : 1);
        int maxIter = yaml.integer(m.get("max_iter"), "max_iter", model.epochs(), 1);
        int eta = yaml.integer(m.get("eta"), "eta", 3, 2);
        int minTrials = yaml.integer(m.get("min_trials"), "min_trials", 5, 1);
        Node maxNode = m.getOrDefault("max_iter", node);
        if (m.containsKey("max_iter") && type != null && !hyperband) {
            yaml.add(Problem.of(yaml.at(maxNode), "max_iter", maxIter, String.format(
                    "max_iter applies to type: hyperband only, got type: %s", type.name().toLowerCase(Locale.ROOT))));
        } else if (hyperband && maxIter > model.epochs()) {
            yaml.add(Problem.of(yaml.at(maxNode), "max_iter", maxIter, String.format(
                    "max_iter must be <= model.epochs (the most a trial trains), got max_iter=%d, epochs=%d",
                    maxIter, model.epochs())));
        } else if (hyperband && (long) minIter * eta > maxIter) {
            // a single bracket would be plain successive halving: say so rather than run it under this name
            yaml.add(new Problem(yaml.at(maxNode), "max_iter", maxIter, String.format(
                    "hyperband needs max_iter >= min_iter * eta for a second bracket, got max_iter=%d%s, "
                    + "min_iter=%d, eta=%d", maxIter, m.containsKey("max_iter") ? "" : " (model.epochs)", minIter, eta),
                    "Lower min_iter or eta, or use type: asha"));
        }
        return type == null ? null : new Sweep.EarlyTerminate(type, minIter, maxIter, eta, minTrials);
    }
}
