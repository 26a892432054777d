package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A search's {@code results.json} as the report reads it: the contract in the package docs. Lenient:
 * keys the report does not use are ignored, and a parameter missing from {@code space} gets a scale
 * guessed from its values.
 */
record SearchData(String name, String description, String metric, boolean maximize, List<Param> space,
                  List<Trial> trials, List<Importance> importance, Map<String, String> fixed, List<String> warnings) {

    SearchData(String name, String description, String metric, boolean maximize, List<Param> space,
               List<Trial> trials, List<Importance> importance) {
        this(name, description, metric, maximize, space, trials, importance, Map.of(), List.of());
    }

    /** How a parameter was sampled, which decides its axis. */
    enum Scale {
        /** Linear axis. */
        LINEAR,
        /** Log axis ({@code log_uniform}, {@code int_log_range}). */
        LOG,
        /** Log axis of {@code 1 - value} ({@code one_minus_log_uniform}, e.g. momentum near 1). */
        ONE_MINUS_LOG,
        /** Evenly spaced categories ({@code choice}, {@code bool}). */
        CATEGORICAL
    }

    /** A searched parameter. {@code values} are the categories of a categorical one. */
    record Param(String name, String kind, Scale scale, Double low, Double high, List<String> values, boolean guessed) {
    }

    /** One trial; {@code score} is null when it has none (failed). */
    record Trial(int number, String status, Double score, Map<String, JsonNode> params, Integer epochs,
                 Double seconds, Integer round, String worker) {

        boolean complete() {
            return status.equals("COMPLETE") || status.equals("FINISHED");
        }
    }

    /** A parameter's importance; {@code share} sums to about 1 over parameters. */
    record Importance(String name, Double share, Double spearman) {
    }

    /** Whether the tree is a search's results (it has a {@code trials} array). */
    static boolean isSearch(JsonNode tree) {
        return tree.path("trials").isArray();
    }

    static SearchData parse(JsonNode tree) {
        String name = first(tree, "search", "sweep", "experiment", "name").orElse("search");
        String metric = first(tree, "metric").orElse("score");
        if (tree.path("metric").isObject()) {
            metric = tree.path("metric").path("name").asText("score");
        }
        boolean maximize = !first(tree, "goal").orElse("maximize").toLowerCase(Locale.ROOT).startsWith("min");
        List<Trial> trials = new ArrayList<>();
        for (JsonNode t : tree.path("trials")) {
            Map<String, JsonNode> params = new LinkedHashMap<>();
            t.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
            trials.add(new Trial(t.path("number").asInt(trials.size()), t.path("status").asText("COMPLETE")
                    .toUpperCase(Locale.ROOT), number(t.get("score")), params, integer(t.get("epochs")),
                    number(t.get("seconds")), integer(t.get("round")), t.path("worker").asText("")));
        }
        List<Param> space = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        Map<String, String> fixed = new LinkedHashMap<>(); // shown as fixed, not drawn as axes
        for (JsonNode p : tree.path("space")) {
            String kind = p.path("kind").asText("uniform").toLowerCase(Locale.ROOT);
            if (kind.equals("fixed")) {
                declared.add(p.path("name").asText());
                fixed.put(p.path("name").asText(), p.path("values").path(0).asText(""));
                continue;
            }
            List<String> values = new ArrayList<>();
            p.path("values").forEach(v -> values.add(v.asText()));
            space.add(new Param(p.path("name").asText(), kind, scaleOf(kind), number(p.get("low")), number(p.get("high")),
                    values, false));
            declared.add(p.path("name").asText());
        }
        Set<String> seen = new LinkedHashSet<>();
        trials.forEach(t -> seen.addAll(t.params().keySet()));
        for (String p : seen) {
            Set<String> values = new LinkedHashSet<>();
            trials.forEach(t -> values.add(String.valueOf(t.params().get(p))));
            if (declared.contains(p)) {
                continue;
            }
            if (values.size() == 1 && trials.size() > 1) {
                fixed.put(p, trials.get(0).params().get(p).asText()); // one value in every trial: not searched
            } else {
                space.add(guess(p, trials));
            }
        }
        List<String> warnings = new ArrayList<>();
        tree.path("warnings").forEach(w -> warnings.add(w.asText()));
        List<Importance> importance = new ArrayList<>();
        for (JsonNode i : tree.path("importance")) {
            importance.add(new Importance(i.path("name").asText(), number(i.get("share")), number(i.get("spearman"))));
        }
        return new SearchData(name, first(tree, "description").orElse(""), metric, maximize, space, trials, importance,
                fixed, warnings);
    }

    /** Completed trials with a score. */
    List<Trial> scored() {
        return trials.stream().filter(t -> t.complete() && t.score() != null).toList();
    }

    /** The best completed trial. */
    Optional<Trial> best() {
        return scored().stream().reduce((a, b) -> better(b.score(), a.score()) ? b : a);
    }

    boolean better(double a, double b) {
        return maximize ? a > b : a < b;
    }

    static Scale scaleOf(String kind) {
        return switch (kind) {
            case "log_uniform", "int_log_range", "log" -> Scale.LOG;
            case "one_minus_log_uniform", "reverse_log" -> Scale.ONE_MINUS_LOG;
            case "choice", "bool", "categorical" -> Scale.CATEGORICAL;
            default -> Scale.LINEAR;
        };
    }

    /** Numbers spanning two decades or more, all positive: log; numbers otherwise linear; text categorical. */
    private static Param guess(String name, List<Trial> trials) {
        List<JsonNode> values = trials.stream().map(t -> t.params().get(name)).filter(v -> v != null && !v.isNull()).toList();
        if (values.stream().allMatch(JsonNode::isNumber) && !values.isEmpty()) {
            double lo = values.stream().mapToDouble(JsonNode::asDouble).min().orElseThrow();
            double hi = values.stream().mapToDouble(JsonNode::asDouble).max().orElseThrow();
            boolean log = lo > 0 && hi / lo >= 100;
            return new Param(name, log ? "log_uniform" : "uniform", log ? Scale.LOG : Scale.LINEAR, lo, hi, List.of(), true);
        }
        Set<String> categories = new LinkedHashSet<>();
        values.forEach(v -> categories.add(v.asText()));
        return new Param(name, "choice", Scale.CATEGORICAL, null, null, List.copyOf(categories), true);
    }

    private static Optional<String> first(JsonNode tree, String... keys) {
        for (String k : keys) {
            JsonNode v = tree.get(k);
            if (v != null && v.isValueNode() && !v.isNull()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }

    private static Double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                double v = Double.parseDouble(node.asText());
                return Double.isFinite(v) ? v : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Integer integer(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.asInt();
    }
}
