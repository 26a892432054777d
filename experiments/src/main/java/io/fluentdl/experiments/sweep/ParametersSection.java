package io.fluentdl.experiments.sweep;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code parameters:} section of a sweep file: one {@link SweepParam} per entry, its
 * {@link Distribution} given or implied ({@code values:} is categorical, {@code value:} constant,
 * bare {@code min:}/{@code max:} uniform in the knob's type); see {@link SweepParser}.
 */
final class ParametersSection {

    /** The keys of one parameter's mapping. */
    static final List<String> KEYS = List.of("distribution", "min", "max", "q", "values", "value");

    private final YamlReader yaml;

    ParametersSection(YamlReader yaml) {
        this.yaml = yaml;
    }

    /**
     * @param modelKeys the model section's keys: a knob fixed there cannot also be searched
     * @return the valid parameters in file order (the others are recorded as problems)
     */
    List<SweepParam> read(MappingNode node, Map<String, Node> modelKeys) {
        List<SweepParam> out = new ArrayList<>();
        Map<Knob, String> seen = new EnumMap<>(Knob.class);
        for (Map.Entry<String, Node> e : yaml.keys(node, null, "parameter").entrySet()) {
            String name = e.getKey();
            Knob knob = Knob.find(name);
            if (knob == null) {
                yaml.unknown(YamlReader.keyNode(node, name), "parameter", name, Knob.names());
                continue;
            }
            // W&B-style aliases (lr, learning_rate) name one knob: two entries for it would be ambiguous
            if (seen.containsKey(knob)) {
                yaml.add(Problem.of(yaml.at(YamlReader.keyNode(node, name)), name, null, String.format(
                        "'%s' and '%s' both set %s; keep one", seen.get(knob), name, knob.key())));
                continue;
            }
            seen.put(knob, name);
            for (String fixedName : modelKeys.keySet()) {
                if (Knob.find(fixedName) == knob) {
                    yaml.add(Problem.of(yaml.at(YamlReader.keyNode(node, name)), name, null, String.format(
                            "'%s' is searched here and also fixed under model: (line %d); keep one", name,
                            modelKeys.get(fixedName).getStartMark().getLine() + 1)));
                }
            }
            SweepParam p = param(name, knob, e.getValue());
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private SweepParam param(String name, Knob knob, Node spec) {
        int line = spec.getStartMark().getLine() + 1;
        if (spec instanceof ScalarNode || spec instanceof SequenceNode) {
            yaml.add(new Problem(yaml.at(spec), name, null, String.format(
                    "parameter '%s' needs a mapping such as {values: [...]} or {distribution: ..., min: ..., max: ...}",
                    name), spec instanceof ScalarNode ? String.format("For a fixed value write %s: {value: %s}", name,
                    ((ScalarNode) spec).getValue()) : String.format("Write %s: {values: [...]}", name)));
            return null;
        }
        Map<String, Node> m = yaml.keys((MappingNode) spec, KEYS, "key of parameter '" + name + "'");
        Distribution d = distribution(name, knob, spec, m);
        if (d == null) {
            return null;
        }
        double min = Double.NaN;
        double max = Double.NaN;
        int step = 1;
        List<Object> values = new ArrayList<>();
        if (d.ranged()) {
            for (String k : List.of("min", "max")) {
                if (!m.containsKey(k)) {
                    yaml.add(Problem.of(yaml.at(spec), name, null, String.format(
                            "distribution %s needs min: and max:, '%s' has no %s:", d.key(), name, k)));
                    return null;
                }
            }
            Object lo = yaml.convert(knob, m.get("min"));
            Object hi = yaml.convert(knob, m.get("max"));
            if (lo == null || hi == null) {
                return null;
            }
            min = ((Number) lo).doubleValue();
            max = ((Number) hi).doubleValue();
            if (m.containsKey("q")) {
                step = yaml.integer(m.get("q"), "q", 1, 1);
            }
        } else if (d == Distribution.CATEGORICAL) {
            if (!categorical(name, knob, spec, m.get("values"), values)) {
                return null;
            }
        } else {
            if (!m.containsKey("value")) {
                yaml.add(Problem.of(yaml.at(spec), name, null, String.format("constant '%s' needs value:", name)));
                return null;
            }
            Object c = yaml.convert(knob, m.get("value"));
            if (c == null) {
                return null;
            }
            values.add(c);
        }
        SweepParam p = new SweepParam(name, knob, d, min, max, step, values, line);
        // the Hp factories check ranges (log needs min > 0, low <= high...): ask them now, for the line
        try {
            p.toHp();
        } catch (InvalidConfigException e) {
            yaml.add(Problem.of(yaml.at(spec), name, null, e.getMessage()));
            return null;
        }
        return p;
    }

    /** The distribution written or implied by the keys, if it fits the knob; else null (and a problem). */
    private Distribution distribution(String name, Knob knob, Node spec, Map<String, Node> m) {
        Distribution d;
        if (m.containsKey("distribution")) {
            String typed = yaml.text(m.get("distribution"));
            d = Distribution.find(typed);
            if (d == null) {
                yaml.unknown(m.get("distribution"), "distribution", typed, Distribution.keys());
                return null;
            }
        } else if (m.containsKey("values")) {
            d = Distribution.CATEGORICAL;
        } else if (m.containsKey("value")) {
            d = Distribution.CONSTANT;
        } else if (m.containsKey("min") || m.containsKey("max")) {
            d = knob.type() == Knob.Type.INT ? Distribution.INT_UNIFORM : Distribution.UNIFORM;
        } else {
            yaml.add(Problem.of(yaml.at(spec), name, null, String.format(
                    "parameter '%s' needs values:, value:, or distribution: with min: and max:", name)));
            return null;
        }
        if (!knob.distributions().contains(d)) {
            yaml.add(Problem.of(yaml.at(m.getOrDefault("distribution", spec)), name, d.key(), String.format(
                    "%s is %s, so distribution %s does not fit it. Use one of: %s", name, describe(knob), d.key(),
                    String.join(", ", knob.distributions().stream().map(Distribution::key).toList()))));
            return null;
        }
        return d;
    }

    /** Reads a categorical's list into {@code values}; false (and a problem) if it is empty, invalid or repeats one. */
    private boolean categorical(String name, Knob knob, Node spec, Node vs, List<Object> values) {
        if (!(vs instanceof SequenceNode) || ((SequenceNode) vs).getValue().isEmpty()) {
            yaml.add(Problem.of(yaml.at(vs == null ? spec : vs), name, null, String.format(
                    "categorical '%s' needs a non-empty list, e.g. values: [a, b]", name)));
            return false;
        }
        for (Node v : ((SequenceNode) vs).getValue()) {
            Object c = yaml.convert(knob, v);
            if (c == null) {
                return false;
            }
            if (values.contains(c)) {
                yaml.add(Problem.of(yaml.at(v), name, c, String.format("'%s' lists %s twice", name, c)));
                return false;
            }
            values.add(c);
        }
        return true;
    }

    private static String describe(Knob knob) {
        switch (knob.type()) {
            case REAL:
                return "a real number";
            case INT:
                return "a whole number";
            default:
                return "a name";
        }
    }
}
