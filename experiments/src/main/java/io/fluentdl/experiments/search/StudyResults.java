package io.fluentdl.experiments.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.search.Study;
import io.fluentdl.search.TrialResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A study's results.json, read from its storage alone (no sweep file, no training): what
 * {@code fluentdl report --storage URL --study NAME} writes before it builds the report, so a search
 * that workers on many machines share can be reported from any of them.
 */
public final class StudyResults {

    private static final Pattern METRIC = Pattern.compile("metric=([A-Za-z_]+)");

    private StudyResults() {
    }

    /** The results.json content of {@code study}: name, storage, goal, metric, space, and every trial. */
    public static Map<String, Object> of(Study study) {
        Map<String, String> definition = study.definition();
        if (definition.isEmpty()) {
            throw new IllegalArgumentException(String.format("no study '%s' in %s", study.name(), study.url()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("search", study.name());
        root.put("study", study.name());
        root.put("storage", study.url());
        root.put("sampler", definition.get("sampler"));
        root.put("pruner", definition.get("pruner"));
        root.put("objective", definition.get("objective"));
        Matcher m = METRIC.matcher(String.valueOf(definition.get("objective")));
        root.put("metric", m.find() ? m.group(1) : "score");
        root.put("goal", definition.get("direction").toLowerCase(Locale.ROOT));
        List<Map<String, Object>> space = new ArrayList<>();
        for (JsonNode hp : SweepRunner.treeNode(definition.get("space")).path("params")) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", hp.path("name").asText());
            p.put("kind", hp.path("kind").asText().toLowerCase(Locale.ROOT));
            if (hp.has("low")) {
                p.put("low", hp.path("low").asDouble());
                p.put("high", hp.path("high").asDouble());
            } else {
                List<String> values = new ArrayList<>();
                hp.path("values").forEach(v -> values.add(v.asText()));
                p.put("values", values);
            }
            space.add(p);
        }
        root.put("space", space);
        List<Map<String, Object>> trials = new ArrayList<>();
        for (TrialResult t : study.trials()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", t.number());
            row.put("slot", t.slot());
            row.put("round", t.round());
            row.put("status", t.status().name());
            row.put("state", t.status().name());
            row.put("worker", t.worker());
            row.put("score", t.score());
            row.put("params", t.params());
            row.put("epochs", t.epochCount());
            row.put("seconds", t.millis() / 1000.0);
            row.put("reason", t.reason());
            trials.add(row);
        }
        root.put("trials", trials);
        return root;
    }
}
