package io.fluentdl.experiments.sweep;

import io.fluentdl.errors.Problem;
import io.fluentdl.nn.Names;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads values out of one sweep file's SnakeYAML nodes and collects its problems, each placed at
 * its node's line ({@code sweep.yaml line 4}). A reader that meets a bad value records a problem
 * and returns a fallback instead of throwing, so that {@link SweepParser} can report every
 * problem of the file at once.
 */
final class YamlReader {

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    YamlReader(String file) {
        this.file = file;
    }

    /** The file's name as messages show it. */
    String file() {
        return file;
    }

    /** The problems recorded so far, in the order found. */
    List<Problem> problems() {
        return problems;
    }

    void add(Problem problem) {
        problems.add(problem);
    }

    /** A knob's value, converted and checked by the knob; null (and a problem) if it is not a valid one. */
    Object convert(Knob knob, Node node) {
        if (!(node instanceof ScalarNode)) {
            add(Problem.of(at(node), knob.key(), null, String.format("%s needs a single value here", knob.key())));
            return null;
        }
        try {
            return knob.convert(((ScalarNode) node).getValue());
        } catch (IllegalArgumentException e) {
            add(Problem.of(at(node), knob.key(), ((ScalarNode) node).getValue(), e.getMessage()));
            return null;
        }
    }

    /** The enum constant named (in any case) by the node, else {@code fallback}. */
    <E extends Enum<E>> E choice(Node node, String what, Class<E> type, E fallback) {
        String typed = text(node);
        List<String> known = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            known.add(e.name().toLowerCase(Locale.ROOT));
            if (e.name().equalsIgnoreCase(typed.trim())) {
                return e;
            }
        }
        unknown(node, what, typed, known);
        return fallback;
    }

    /** A whole number {@code >= min}; {@code fallback} when the node is absent (null) or invalid. */
    int integer(Node node, String key, int fallback, int min) {
        return integer(node, key, fallback, min, Integer.MAX_VALUE, "");
    }

    /**
     * A whole number in {@code [min, max]}; {@code fallback} when the node is absent (null) or invalid.
     * {@code why} says why {@code max} protects the machine (see {@link io.fluentdl.errors.Limits}).
     */
    int integer(Node node, String key, int fallback, int min, int max, String why) {
        if (node == null) {
            return fallback;
        }
        String t = text(node);
        try {
            double v = Knob.number(t);
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                add(Problem.of(at(node), key, t, String.format("%s must be a whole number, got %s=%s", key, key, t)));
            } else if (v < min) {
                add(Problem.of(at(node), key, t, String.format("%s must be >= %d, got %s=%s", key, min, key, t)));
            } else if (v > max) {
                add(Problem.of(at(node), key, t, String.format("%s, got %s=%s",
                        io.fluentdl.errors.Limits.rule(key, max, why), key, t)));
            } else {
                return (int) v;
            }
        } catch (IllegalArgumentException e) {
            add(Problem.of(at(node), key, t, String.format("%s: %s", key, e.getMessage())));
        }
        return fallback;
    }

    /** A finite number {@code >= 0}; {@code fallback} when the node is absent (null) or invalid. */
    double real(Node node, String key, double fallback) {
        if (node == null) {
            return fallback;
        }
        String t = text(node);
        try {
            double v = Knob.number(t);
            if (v < 0 || !Double.isFinite(v)) {
                add(Problem.of(at(node), key, t, String.format("%s must be a number >= 0, got %s=%s", key, key, t)));
                return fallback;
            }
            return v;
        } catch (IllegalArgumentException e) {
            add(Problem.of(at(node), key, t, String.format("%s: %s", key, e.getMessage())));
            return fallback;
        }
    }

    /** A scalar's text; "" (and a problem) for a list or a mapping. */
    String text(Node node) {
        if (node instanceof ScalarNode) {
            return ((ScalarNode) node).getValue();
        }
        add(Problem.of(at(node), "", null, "expected a single value here, got a "
                + (node instanceof SequenceNode ? "list" : "mapping")));
        return "";
    }

    /** The node as a mapping; an empty one (and a problem) if it is not one, so callers read on. */
    MappingNode mapping(Node node, String key) {
        if (node instanceof MappingNode) {
            return (MappingNode) node;
        }
        add(Problem.of(at(node), key, null, String.format("%s: expected a mapping (key: value lines or {...})", key)));
        return new MappingNode(Tag.MAP, List.of(), DumperOptions.FlowStyle.BLOCK);
    }

    /** The mapping's entries by key; unknown keys (when {@code allowed} is given) and duplicates are problems. */
    Map<String, Node> keys(MappingNode node, List<String> allowed, String what) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode)) {
                add(Problem.of(at(t.getKeyNode()), "", null, String.format("a %s must be a plain name", what)));
                continue;
            }
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (out.containsKey(key)) {
                add(Problem.of(at(t.getKeyNode()), key, null, String.format("'%s' is given twice (first on line %d)",
                        key, keyNode(node, key).getStartMark().getLine() + 1)));
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                unknown(t.getKeyNode(), what, key, allowed);
                continue;
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    /** The (first) key node named {@code key}, for messages about the key rather than its value; else the mapping. */
    static Node keyNode(MappingNode node, String key) {
        for (NodeTuple t : node.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode && ((ScalarNode) t.getKeyNode()).getValue().equals(key)) {
                return t.getKeyNode();
            }
        }
        return node;
    }

    /** Records "unknown what 'typed'" with the known names and the closest one. */
    void unknown(Node node, String what, String typed, List<String> known) {
        String near = Names.closest(typed.trim().toLowerCase(Locale.ROOT), known);
        add(new Problem(at(node), what, typed, String.format("unknown %s '%s'. Expected one of: %s", what,
                typed, String.join(", ", known)), near == null ? "" : String.format("Did you mean '%s'?", near)));
    }

    /** Where a node is: {@code sweep.yaml line 4}. */
    String at(Node node) {
        return at(node.getStartMark());
    }

    String at(Mark mark) {
        return mark == null ? file : String.format("%s line %d", file, mark.getLine() + 1);
    }
}
