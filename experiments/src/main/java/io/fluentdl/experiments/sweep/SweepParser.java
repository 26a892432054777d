package io.fluentdl.experiments.sweep;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Limits;
import io.fluentdl.errors.Problem;
import io.fluentdl.search.CoarseToFine;
import io.fluentdl.search.Goal;
import io.fluentdl.search.Search;
import io.fluentdl.train.Metric;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * max_consecutive_failures: 5             # stop with an error after this many failed trials in a row
 * coarse_to_fine: {rounds: 2, top_k: 5, padding: 0.1}
 * early_terminate: {type: asha, min_iter: 1, eta: 3}       # asha | hyperband (+ max_iter) | median (+ min_trials)
 * model: {data: mnist, train_size: 5000, validation_size: 1000, test_size: 10000, epochs: 9,
 *         optimizer: sgd, output: softmax, units: 128}     # + any knob as a fixed value
 * parameters:
 *   lr:         {distribution: log_uniform, min: 1.0e-4, max: 1.0e-1}
 *   momentum:   {distribution: one_minus_log_uniform, min: 0.9, max: 0.999}
 *   units:      {distribution: int_range, min: 16, max: 256}
 *   layers:     {values: [2, 3, 4, 5]}
 *   batch_size: {values: [32, 64, 128]}
 *   bn:         {values: [NONE, BEFORE_ACTIVATION, AFTER_ACTIVATION]}
 * </pre>
 *
 * <p>This class reads the top level; {@code ModelSection}, {@code ParametersSection} and
 * {@code EarlyTerminateSection} read theirs, and {@code YamlReader} turns nodes into values and
 * problems with their lines.
 */
public final class SweepParser {

    static final List<String> TOP = List.of("name", "description", "method", "metric", "parameters", "early_terminate",
            "model", "trials", "seed", "workers", "executions", "grid_points", "epoch_budget", "coarse_to_fine",
            "max_consecutive_failures");
    static final List<String> C2F = List.of("rounds", "top_k", "padding");
    static final List<String> METRIC = List.of("name", "goal");
    /** Grid points per real axis when not given: {@value}. */
    public static final int DEFAULT_GRID_POINTS = 4;

    private final YamlReader yaml;

    private SweepParser(String file) {
        this.yaml = new YamlReader(file);
    }

    /** Reads and checks the sweep file at {@code path}; messages name its file name and lines. */
    public static Sweep parse(Path path) {
        String base = path.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Cannot read the sweep file %s: %s", path, e.getMessage()), e);
        }
        return parse(utf8(bytes, base), base, base.replaceFirst("\\.ya?ml$", ""));
    }

    /** The file's text; a byte that is not UTF-8 is reported with its line, not as "Input length = 1". */
    static String utf8(byte[] bytes, String file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int offset = firstBadByte(bytes);
            int line = 1;
            for (int i = 0; i < offset; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new SweepException(List.of(new Problem(String.format("%s line %d", file, line), "encoding",
                    String.format("0x%02x", bytes[offset] & 0xff), String.format("a sweep file must be UTF-8 text, got "
                    + "byte 0x%02x at offset %d, which is not UTF-8", bytes[offset] & 0xff, offset),
                    "Save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8).")), e);
        }
    }

    /** The offset of the first byte that starts no valid UTF-8 sequence. */
    private static int firstBadByte(byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult r = decoder.decode(in, out, true);
        return r.isError() ? in.position() : Math.max(0, bytes.length - 1);
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
        MappingNode root = root(text);
        Map<String, Node> top = yaml.keys(root, TOP, "top-level key");
        String name = top.containsKey("name") ? yaml.text(top.get("name")) : defaultName;
        String description = top.containsKey("description") ? yaml.text(top.get("description")) : "";
        Sweep.Method method = top.containsKey("method") ? yaml.choice(top.get("method"), "method", Sweep.Method.class,
                Sweep.Method.RANDOM) : Sweep.Method.RANDOM;
        int trials = yaml.integer(top.get("trials"), "trials", Search.DEFAULT_TRIALS, 1, Limits.MAX_TRIALS,
                "every trial is kept in memory and in the study");
        long seed = yaml.integer(top.get("seed"), "seed", (int) Search.DEFAULT_SEED, Integer.MIN_VALUE);
        int workers = yaml.integer(top.get("workers"), "workers", 1, 1);
        int executions = yaml.integer(top.get("executions"), "executions", 1, 1);
        int gridPoints = yaml.integer(top.get("grid_points"), "grid_points", DEFAULT_GRID_POINTS, 2);
        int epochBudget = yaml.integer(top.get("epoch_budget"), "epoch_budget", 0, 1);
        int maxFailures = yaml.integer(top.get("max_consecutive_failures"), "max_consecutive_failures",
                Search.DEFAULT_MAX_CONSECUTIVE_FAILURES, 1);
        int rounds = 1;
        int topK = Search.DEFAULT_TOP_K;
        double padding = CoarseToFine.DEFAULT_PADDING;
        if (top.containsKey("coarse_to_fine")) {
            Map<String, Node> c = yaml.keys(yaml.mapping(top.get("coarse_to_fine"), "coarse_to_fine"), C2F,
                    "coarse_to_fine key");
            rounds = yaml.integer(c.get("rounds"), "rounds", 2, 1);
            topK = yaml.integer(c.get("top_k"), "top_k", Search.DEFAULT_TOP_K, 1);
            padding = yaml.real(c.get("padding"), "padding", padding);
        }
        ModelSection.Read modelRead = new ModelSection(yaml).read(top.get("model"), seed);
        SweepModel model = modelRead.model();
        Metric metric = model.validationSize() > 0 ? Metric.VAL_ACCURACY : Metric.ACCURACY;
        Goal goal = null;
        Node metricNode = top.get("metric");
        if (metricNode instanceof ScalarNode) {
            metric = metric(metricNode);
        } else if (metricNode != null) {
            Map<String, Node> m = yaml.keys(yaml.mapping(metricNode, "metric"), METRIC, "metric key");
            metric = m.containsKey("name") ? metric(m.get("name")) : metric;
            goal = m.containsKey("goal") ? yaml.choice(m.get("goal"), "goal", Goal.class, null) : null;
        }
        if (metric != null && metric.needsValidation() && model.validationSize() == 0) {
            yaml.add(Problem.of(metricNode == null ? yaml.file() : yaml.at(metricNode), "metric", metric,
                    String.format("metric %s needs validation data, but model.validation_size is 0", metric)));
        }
        Sweep.EarlyTerminate early = top.containsKey("early_terminate")
                ? new EarlyTerminateSection(yaml).read(top.get("early_terminate"), model) : null;
        List<SweepParam> params = new ArrayList<>();
        if (!top.containsKey("parameters")) {
            yaml.add(new Problem(yaml.at(root), "parameters", null, "a sweep needs 'parameters:'",
                    "Add e.g. parameters: {lr: {distribution: log_uniform, min: 1.0e-4, max: 1.0e-1}}"));
        } else {
            params = new ParametersSection(yaml).read(yaml.mapping(top.get("parameters"), "parameters"),
                    modelRead.keys());
        }
        if (!yaml.problems().isEmpty()) {
            throw new SweepException(yaml.problems());
        }
        Sweep sweep = new Sweep(name, description, method, gridPoints, metric, goal == null ? Goal.of(metric) : goal,
                params, early, model, trials, seed, workers, executions, rounds, topK, padding, epochBudget, maxFailures);
        try {
            sweep.space();
        } catch (InvalidConfigException e) {
            throw new SweepException(List.of(Problem.of(String.format("%s", yaml.file()), "model", null, String.format(
                    "the model template fails with the parameters' midpoints: %s", e.getMessage()))), e);
        }
        return sweep;
    }

    /** The document's top mapping; a YAML syntax error or another kind of document ends parsing at once. */
    private MappingNode root(String text) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new SweepException(List.of(Problem.of(yaml.at(m), "", null, String.format("not valid YAML: %s",
                    e.getProblem()))), e);
        } catch (YAMLException e) {
            // not marked: SnakeYAML's guards, e.g. an alias bomb ("Number of aliases for non-scalar nodes exceeds ...")
            throw new SweepException(List.of(new Problem(yaml.file(), "", null, String.format(
                    "not a sweep SnakeYAML will read: %s", e.getMessage().replaceAll("\\s+", " ").trim()),
                    "Write the values out instead of through many aliases (*name).")), e);
        }
        if (!(root instanceof MappingNode)) {
            throw new SweepException(List.of(Problem.of(root == null ? String.format("%s", yaml.file()) : yaml.at(root),
                    "", null, "a sweep file must be a mapping with at least 'parameters:'")));
        }
        return (MappingNode) root;
    }

    private Metric metric(Node node) {
        String typed = yaml.text(node);
        try {
            return Metric.parse(typed);
        } catch (InvalidConfigException e) {
            yaml.unknown(node, "metric", typed, Metric.keys());
            return null;
        }
    }
}
