package io.fluentdl.search.sweep;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Names;
import io.fluentdl.search.Goal;
import io.fluentdl.search.Search;
import io.fluentdl.train.Metric;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a sweep file into a {@link Sweep}, reporting every problem with its line (SnakeYAML's node
 * marks): unknown keys and names get the list of known ones and the closest match.
 *
 * <p>The format (all keys but {@code parameters} optional; see the README and
 * {@code experiments/sweeps/mnist-search.yaml}):
 * <pre>
 * name: mnist-search                       # default: the file name
 * method: random                           # random | grid | halton | bayes (TPE)
 * metric: {name: val_accuracy, goal: maximize}
 * trials: 30                               # per round
 * seed: 7
 * workers: 1
 * executions: 1                            # models per trial (different seeds), mean reported
 * grid_points: 4                           # grid: points per real axis
 * epoch_budget: 300                        # stop starting trials after this many epochs
 * coarse_to_fine: {rounds: 2, top_k: 5, padding: 0.1}
 * early_terminate: {type: asha, min_iter: 1, eta: 3}       # asha | hyperband (+ max_iter) | median (+ min_trials)
 * model: {data: mnist, train_size: 5000, validation_size: 1000, test_size: 10000, epochs: 9,
 *         optimizer: sgd, output: softmax, units: 128}     # + any knob as a fixed value
 * parameters:
 *   lr:         {distribution: log_uniform, min: 1.0e-4, max: 1.0e-1}
 *   momentum:   {distribution: one_minus_log_uniform, min: 0.9, max: 0.999}
 *   units:      {distribution: int_uniform, min: 16, max: 256}
 *   layers:     {values: [2, 3, 4, 5]}
 *   batch_size: {values: [32, 64, 128]}
 *   bn:         {values: [NONE, BEFORE_ACTIVATION, AFTER_ACTIVATION]}
 * </pre>
 */
public final class SweepParser {

    static final List<String> TOP = List.of("name", "description", "method", "metric", "parameters", "early_terminate",
            "model", "trials", "seed", "workers", "executions", "grid_points", "epoch_budget", "coarse_to_fine");
    static final List<String> MODEL = List.of("data", "train_size", "validation_size", "test_size", "noise", "epochs",
            "optimizer", "output", "seed");
    static final List<String> PARAM = List.of("distribution", "min", "max", "q", "values", "value");
    static final List<String> EARLY = List.of("type", "min_iter", "max_iter", "eta", "min_trials");
    static final List<String> C2F = List.of("rounds", "top_k", "padding");
    static final List<String> METRIC = List.of("name", "goal");
    /** Grid points per real axis when not given: {@value}. */
    public static final int DEFAULT_GRID_POINTS = 4;

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    private SweepParser(String file) {
        this.file = file;
    }

    /** Reads and checks the sweep file at {@code path}; messages name its file name and lines. */
    public static Sweep parse(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Cannot read the sweep file %s: %s", path, e.getMessage()), e);
        }
        String base = path.getFileName().toString();
        return parse(text, base, base.replaceFirst("\\.ya?ml$", ""));
    }

    /**
     * Parses sweep YAML from a string.
     *
     * @param file        the name used in messages, e.g. {@code sweep.yaml}
     * @param defaultName the sweep's name when the file has no {@code name:}
     * @throws SweepException listing every problem with its line
     */
    public static Sweep parse(String text, String file, String defaultName) {
        return new SweepParser(file).read(text, defaultName);
    }

    private Sweep read(String text, String defaultName) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new SweepException(List.of(Problem.of(at(m), "", null, String.format("not valid YAML: %s",
                    e.getProblem()))), e);
        }
        if (!(root instanceof MappingNode)) {
            throw new SweepException(List.of(Problem.of(root == null ? String.format("%s", file) : at(root), "", null,
                    "a sweep file must be a mapping with at least 'parameters:'")));
        }
        Map<String, Node> top = keys((MappingNode) root, TOP, "top-level key");
        String name = top.containsKey("name") ? text(top.get("name")) : defaultName;
        String description = top.containsKey("description") ? text(top.get("description")) : "";
        Sweep.Method method = top.containsKey("method") ? choice(top.get("method"), "method", Sweep.Method.class,
                Sweep.Method.RANDOM) : Sweep.Method.RANDOM;
        int trials = integer(top.get("trials"), "trials", Search.DEFAULT_TRIALS, 1);
        long seed = integer(top.get("seed"), "seed", (int) Search.DEFAULT_SEED, Integer.MIN_VALUE);
        int workers = integer(top.get("workers"), "workers", 1, 1);
        int executions = integer(top.get("executions"), "executions", 1, 1);
        int gridPoints = integer(top.get("grid_points"), "grid_points", DEFAULT_GRID_POINTS, 2);
        int epochBudget = integer(top.get("epoch_budget"), "epoch_budget", 0, 1);
        int rounds = 1;
        int topK = Search.DEFAULT_TOP_K;
        double padding = io.fluentdl.search.CoarseToFine.DEFAULT_PADDING;
        if (top.containsKey("coarse_to_fine")) {
            Map<String, Node> c = keys(mapping(top.get("coarse_to_fine"), "coarse_to_fine"), C2F, "coarse_to_fine key");
            rounds = integer(c.get("rounds"), "rounds", 2, 1);
            topK = integer(c.get("top_k"), "top_k", Search.DEFAULT_TOP_K, 1);
            padding = real(c.get("padding"), "padding", padding);
        }
        SweepModel model = model(top.get("model"), seed);
        Metric metric = model.validationSize() > 0 ? Metric.VAL_ACCURACY : Metric.ACCURACY;
        Goal goal = null;
        Node metricNode = top.get("metric");
        if (metricNode instanceof ScalarNode) {
            metric = metric(metricNode);
        } else if (metricNode != null) {
            Map<String, Node> m = keys(mapping(metricNode, "metric"), METRIC, "metric key");
            metric = m.containsKey("name") ? metric(m.get("name")) : metric;
            goal = m.containsKey("goal") ? choice(m.get("goal"), "goal", Goal.class, null) : null;
        }
        if (metric != null && metric.needsValidation() && model.validationSize() == 0) {
            problems.add(Problem.of(metricNode == null ? file : at(metricNode), "metric", metric, String.format(
                    "metric %s needs validation data, but model.validation_size is 0", metric)));
        }
        Sweep.EarlyTerminate early = top.containsKey("early_terminate") ? early(top.get("early_terminate"), model)
                : null;
        List<SweepParam> params = new ArrayList<>();
        if (!top.containsKey("parameters")) {
            problems.add(new Problem(at(root), "parameters", null, "a sweep needs 'parameters:'",
                    "Add e.g. parameters: {lr: {distribution: log_uniform, min: 1.0e-4, max: 1.0e-1}}"));
        } else {
            params = params(mapping(top.get("parameters"), "parameters"), model);
        }
        if (!problems.isEmpty()) {
            throw new SweepException(problems);
        }
        Sweep sweep = new Sweep(name, description, method, gridPoints, metric, goal == null ? Goal.of(metric) : goal,
                params, early, model, trials, seed, workers, executions, rounds, topK, padding, epochBudget);
        try {
            sweep.space();
        } catch (InvalidConfigException e) {
            throw new SweepException(List.of(Problem.of(String.format("%s", file), "model", null, String.format(
                    "the model template fails with the parameters' midpoints: %s", e.getMessage()))), e);
        }
        return sweep;
    }

    private SweepModel model(Node node, long sweepSeed) {
        Map<String, Node> m = new LinkedHashMap<>();
        List<String> allowed = new ArrayList<>(MODEL);
        allowed.addAll(Knob.names());
        if (node != null) {
            m = keys(mapping(node, "model"), allowed, "model key");
        }
        SweepModel.DataKind data = m.containsKey("data") ? choice(m.get("data"), "data", SweepModel.DataKind.class,
                SweepModel.DataKind.MNIST) : SweepModel.DataKind.MNIST;
        boolean mnist = data == SweepModel.DataKind.MNIST;
        int train = integer(m.get("train_size"), "train_size", mnist ? 5000 : 500, 1);
        int validation = integer(m.get("validation_size"), "validation_size", mnist ? 1000 : 250, 0);
        int test = integer(m.get("test_size"), "test_size", mnist ? 1000 : 250, 0);
        if (mnist && train + validation > 60_000 && m.containsKey("train_size")) {
            problems.add(Problem.of(at(m.get("train_size")), "train_size", train, String.format(
                    "MNIST has 60000 training images, got train_size + validation_size = %d", train + validation)));
        }
        if (mnist && test > 10_000) {
            problems.add(Problem.of(at(m.get("test_size")), "test_size", test, String.format(
                    "MNIST has 10000 test images, got test_size=%d", test)));
        }
        double noise = real(m.get("noise"), "noise", 0.1);
        int epochs = integer(m.get("epochs"), "epochs", 10, 1);
        SweepModel.OptimizerKind opt = m.containsKey("optimizer") ? choice(m.get("optimizer"), "optimizer",
                SweepModel.OptimizerKind.class, SweepModel.OptimizerKind.SGD) : SweepModel.OptimizerKind.SGD;
        Activation output = mnist ? Activation.SOFTMAX : Activation.SIGMOID;
        if (m.containsKey("output")) {
            String o = text(m.get("output")).trim().toLowerCase(Locale.ROOT);
            if (!o.equals(output.kerasName())) {
                problems.add(Problem.of(at(m.get("output")), "output", o, String.format(
                        "data %s needs output %s, got output=%s", data.name().toLowerCase(Locale.ROOT),
                        output.kerasName(), o)));
            }
        }
        long seed = m.containsKey("seed") ? integer(m.get("seed"), "seed", 0, Integer.MIN_VALUE) : sweepSeed;
        Map<Knob, Object> fixed = new EnumMap<>(SweepModel.defaults(opt));
        for (Map.Entry<String, Node> e : m.entrySet()) {
            Knob knob = Knob.find(e.getKey());
            if (knob != null) {
                Object v = convert(knob, e.getValue());
                if (v != null) {
                    fixed.put(knob, v);
                }
            }
        }
        fixedKnobs = m;
        return new SweepModel(data, train, validation, test, noise, epochs, opt, output, fixed, seed);
    }

    /** The model section's keys, to reject a knob that is both fixed there and searched. */
    private Map<String, Node> fixedKnobs = Map.of();

    private List<SweepParam> params(MappingNode node, SweepModel model) {
        List<SweepParam> out = new ArrayList<>();
        Map<Knob, String> seen = new EnumMap<>(Knob.class);
        for (Map.Entry<String, Node> e : keys(node, null, "parameter").entrySet()) {
            String name = e.getKey();
            Knob knob = Knob.find(name);
            Node spec = e.getValue();
            if (knob == null) {
                unknown(keyNode(node, name), "parameter", name, Knob.names());
                continue;
            }
            if (seen.containsKey(knob)) {
                problems.add(Problem.of(at(keyNode(node, name)), name, null, String.format(
                        "'%s' and '%s' both set %s; keep one", seen.get(knob), name, knob.key())));
                continue;
            }
            seen.put(knob, name);
            for (String fixedName : fixedKnobs.keySet()) {
                if (Knob.find(fixedName) == knob) {
                    problems.add(Problem.of(at(keyNode(node, name)), name, null, String.format(
                            "'%s' is searched here and also fixed under model: (line %d); keep one", name,
                            fixedKnobs.get(fixedName).getStartMark().getLine() + 1)));
                }
            }
            SweepParam p = param(name, knob, spec);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private SweepParam param(String name, Knob knob, Node spec) {
        int line = spec.getStartMark().getLine() + 1;
        if (spec instanceof ScalarNode || spec instanceof SequenceNode) {
            problems.add(new Problem(at(spec), name, null, String.format(
                    "parameter '%s' needs a mapping such as {values: [...]} or {distribution: ..., min: ..., max: ...}",
                    name), spec instanceof ScalarNode ? String.format("For a fixed value write %s: {value: %s}", name,
                    ((ScalarNode) spec).getValue()) : String.format("Write %s: {values: [...]}", name)));
            return null;
        }
        Map<String, Node> m = keys((MappingNode) spec, PARAM, "key of parameter '" + name + "'");
        Distribution d;
        if (m.containsKey("distribution")) {
            String typed = text(m.get("distribution"));
            d = Distribution.find(typed);
            if (d == null) {
                unknown(m.get("distribution"), "distribution", typed, Distribution.keys());
                return null;
            }
        } else if (m.containsKey("values")) {
            d = Distribution.CATEGORICAL;
        } else if (m.containsKey("value")) {
            d = Distribution.CONSTANT;
        } else if (m.containsKey("min") || m.containsKey("max")) {
            d = knob.type() == Knob.Type.INT ? Distribution.INT_UNIFORM : Distribution.UNIFORM;
        } else {
            problems.add(Problem.of(at(spec), name, null, String.format(
                    "parameter '%s' needs values:, value:, or distribution: with min: and max:", name)));
            return null;
        }
        if (!knob.distributions().contains(d)) {
            problems.add(Problem.of(at(m.getOrDefault("distribution", spec)), name, d.key(), String.format(
                    "%s is %s, so distribution %s does not fit it. Use one of: %s", name, describe(knob), d.key(),
                    String.join(", ", knob.distributions().stream().map(Distribution::key).toList()))));
            return null;
        }
        double min = Double.NaN;
        double max = Double.NaN;
        int step = 1;
        List<Object> values = new ArrayList<>();
        if (d.ranged()) {
            for (String k : List.of("min", "max")) {
                if (!m.containsKey(k)) {
                    problems.add(Problem.of(at(spec), name, null, String.format(
                            "distribution %s needs min: and max:, '%s' has no %s:", d.key(), name, k)));
                    return null;
                }
            }
            Object lo = convert(knob, m.get("min"));
            Object hi = convert(knob, m.get("max"));
            if (lo == null || hi == null) {
                return null;
            }
            min = ((Number) lo).doubleValue();
            max = ((Number) hi).doubleValue();
            if (m.containsKey("q")) {
                step = integer(m.get("q"), "q", 1, 1);
            }
        } else if (d == Distribution.CATEGORICAL) {
            Node vs = m.get("values");
            if (!(vs instanceof SequenceNode) || ((SequenceNode) vs).getValue().isEmpty()) {
                problems.add(Problem.of(at(vs == null ? spec : vs), name, null, String.format(
                        "categorical '%s' needs a non-empty list, e.g. values: [a, b]", name)));
                return null;
            }
            for (Node v : ((SequenceNode) vs).getValue()) {
                Object c = convert(knob, v);
                if (c == null) {
                    return null;
                }
                if (values.contains(c)) {
                    problems.add(Problem.of(at(v), name, c, String.format("'%s' lists %s twice", name, c)));
                    return null;
                }
                values.add(c);
            }
        } else {
            if (!m.containsKey("value")) {
                problems.add(Problem.of(at(spec), name, null, String.format("constant '%s' needs value:", name)));
                return null;
            }
            Object c = convert(knob, m.get("value"));
            if (c == null) {
                return null;
            }
            values.add(c);
        }
        SweepParam p = new SweepParam(name, knob, d, min, max, step, values, line);
        try {
            p.toHp();
        } catch (InvalidConfigException e) {
            problems.add(Problem.of(at(spec), name, null, e.getMessage()));
            return null;
        }
        return p;
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

    private Sweep.EarlyTerminate early(Node node, SweepModel model) {
        Map<String, Node> m = keys(mapping(node, "early_terminate"), EARLY, "early_terminate key");
        if (!m.containsKey("type")) {
            problems.add(Problem.of(at(node), "type", null, "early_terminate needs type: hyperband, asha or median"));
            return null;
        }
        Sweep.EarlyTerminate.Type type = choice(m.get("type"), "early_terminate type", Sweep.EarlyTerminate.Type.class,
                null);
        boolean hyperband = type == Sweep.EarlyTerminate.Type.HYPERBAND;
        int minIter = integer(m.get("min_iter"), "min_iter", 1, type == Sweep.EarlyTerminate.Type.MEDIAN ? 0 : 1);
        int maxIter = integer(m.get("max_iter"), "max_iter", model.epochs(), 1);
        int eta = integer(m.get("eta"), "eta", 3, 2);
        int minTrials = integer(m.get("min_trials"), "min_trials", 5, 1);
        Node maxNode = m.getOrDefault("max_iter", node);
        if (m.containsKey("max_iter") && type != null && !hyperband) {
            problems.add(Problem.of(at(maxNode), "max_iter", maxIter, String.format(
                    "max_iter applies to type: hyperband only, got type: %s", type.name().toLowerCase(Locale.ROOT))));
        } else if (hyperband && maxIter > model.epochs()) {
            problems.add(Problem.of(at(maxNode), "max_iter", maxIter, String.format(
                    "max_iter must be <= model.epochs (the most a trial trains), got max_iter=%d, epochs=%d",
                    maxIter, model.epochs())));
        } else if (hyperband && (long) minIter * eta > maxIter) {
            // a single bracket would be plain successive halving: say so rather than run it under this name
            problems.add(new Problem(at(maxNode), "max_iter", maxIter, String.format(
                    "hyperband needs max_iter >= min_iter * eta for a second bracket, got max_iter=%d%s, "
                    + "min_iter=%d, eta=%d", maxIter, m.containsKey("max_iter") ? "" : " (model.epochs)", minIter, eta),
                    "Lower min_iter or eta, or use type: asha"));
        }
        return type == null ? null : new Sweep.EarlyTerminate(type, minIter, maxIter, eta, minTrials);
    }

    private Metric metric(Node node) {
        String typed = text(node);
        try {
            return Metric.parse(typed);
        } catch (InvalidConfigException e) {
            unknown(node, "metric", typed, Metric.keys());
            return null;
        }
    }

    // ---- small readers: each records a problem with the node's line and returns a default ----

    private Object convert(Knob knob, Node node) {
        if (!(node instanceof ScalarNode)) {
            problems.add(Problem.of(at(node), knob.key(), null, String.format("%s needs a single value here", knob.key())));
            return null;
        }
        try {
            return knob.convert(((ScalarNode) node).getValue());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(at(node), knob.key(), ((ScalarNode) node).getValue(), e.getMessage()));
            return null;
        }
    }

    private <E extends Enum<E>> E choice(Node node, String what, Class<E> type, E fallback) {
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

    private int integer(Node node, String key, int fallback, int min) {
        if (node == null) {
            return fallback;
        }
        String t = text(node);
        try {
            double v = Knob.number(t);
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                problems.add(Problem.of(at(node), key, t, String.format("%s must be a whole number, got %s=%s", key, key, t)));
            } else if (v < min) {
                problems.add(Problem.of(at(node), key, t, String.format("%s must be >= %d, got %s=%s", key, min, key, t)));
            } else {
                return (int) v;
            }
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(at(node), key, t, String.format("%s: %s", key, e.getMessage())));
        }
        return fallback;
    }

    private double real(Node node, String key, double fallback) {
        if (node == null) {
            return fallback;
        }
        String t = text(node);
        try {
            double v = Knob.number(t);
            if (v < 0 || !Double.isFinite(v)) {
                problems.add(Problem.of(at(node), key, t, String.format("%s must be a number >= 0, got %s=%s", key, key, t)));
                return fallback;
            }
            return v;
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(at(node), key, t, String.format("%s: %s", key, e.getMessage())));
            return fallback;
        }
    }

    private String text(Node node) {
        if (node instanceof ScalarNode) {
            return ((ScalarNode) node).getValue();
        }
        problems.add(Problem.of(at(node), "", null, "expected a single value here, got a "
                + (node instanceof SequenceNode ? "list" : "mapping")));
        return "";
    }

    private MappingNode mapping(Node node, String key) {
        if (node instanceof MappingNode) {
            return (MappingNode) node;
        }
        problems.add(Problem.of(at(node), key, null, String.format("%s: expected a mapping (key: value lines or {...})", key)));
        return new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, List.of(), org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
    }

    /** The mapping's entries by key; unknown keys (when {@code allowed} is given) and duplicates are problems. */
    private Map<String, Node> keys(MappingNode node, List<String> allowed, String what) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode)) {
                problems.add(Problem.of(at(t.getKeyNode()), "", null, String.format("a %s must be a plain name", what)));
                continue;
            }
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (out.containsKey(key)) {
                problems.add(Problem.of(at(t.getKeyNode()), key, null, String.format("'%s' is given twice (first on line %d)",
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

    private static Node keyNode(MappingNode node, String key) {
        for (NodeTuple t : node.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode && ((ScalarNode) t.getKeyNode()).getValue().equals(key)) {
                return t.getKeyNode();
            }
        }
        return node;
    }

    private void unknown(Node node, String what, String typed, List<String> known) {
        String near = Names.closest(typed.trim().toLowerCase(Locale.ROOT), known);
        problems.add(new Problem(at(node), what, typed, String.format("unknown %s '%s'. Expected one of: %s", what,
                typed, String.join(", ", known)), near == null ? "" : String.format("Did you mean '%s'?", near)));
    }

    private String at(Node node) {
        return at(node.getStartMark());
    }

    private String at(Mark mark) {
        return mark == null ? file : String.format("%s line %d", file, mark.getLine() + 1);
    }
}
