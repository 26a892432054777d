package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.results.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The spec settings that differ between variants, flattened to {@code path = value}. */
final class ConfigColumns {

    private static final String LAYERS = "layers:";

    private ConfigColumns() {
    }

    static Map<String, Map<String, String>> of(List<Provenance.Variant> variants) {
        Map<String, Map<String, String>> flat = new LinkedHashMap<>();
        for (Provenance.Variant v : variants) {
            Map<String, String> leaves = new LinkedHashMap<>();
            v.spec().fields().forEachRemaining(e -> {
                if (e.getKey().equals("layers")) {
                    // by layer name, not index: an inserted layer must not shift every later one
                    for (JsonNode layer : e.getValue()) {
                        String name = layer.path("name").asText();
                        leaves.put(LAYERS + name, layer.path("type").asText());
                        layer.fields().forEachRemaining(f -> flatten(LAYERS + name + "." + f.getKey(), f.getValue(), leaves));
                    }
                } else {
                    flatten(e.getKey(), e.getValue(), leaves);
                }
            });
            leaves.remove("name");
            leaves.remove("seed");
            flat.put(v.name(), leaves);
        }
        Set<String> all = new LinkedHashSet<>();
        flat.values().forEach(m -> all.addAll(m.keySet()));
        Set<String> varying = new LinkedHashSet<>();
        for (String key : all) {
            Set<String> values = new LinkedHashSet<>();
            // a layer's setting varies when it differs between the variants that have the layer
            boolean layerSetting = key.startsWith(LAYERS) && key.contains(".");
            flat.values().forEach(m -> {
                if (!layerSetting || m.containsKey(key)) {
                    values.add(m.getOrDefault(key, ""));
                }
            });
            if (values.size() > 1) {
                varying.add(key);
            }
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        flat.forEach((name, leaves) -> {
            Map<String, String> kept = new LinkedHashMap<>();
            StringBuilder layers = new StringBuilder();
            for (String k : varying) {
                if (!k.startsWith(LAYERS)) {
                    kept.put(k, leaves.getOrDefault(k, ""));
                }
            }
            // one "layers" column: each layer that differs somewhere, with its differing settings
            Map<String, List<String>> byLayer = new LinkedHashMap<>();
            for (String k : leaves.keySet()) {
                if (k.startsWith(LAYERS) && !k.contains(".")) {
                    byLayer.put(k.substring(LAYERS.length()), new ArrayList<>());
                }
            }
            for (String k : varying) {
                int dot = k.indexOf('.');
                if (k.startsWith(LAYERS) && dot > 0 && byLayer.containsKey(k.substring(LAYERS.length(), dot))
                        && !k.endsWith(".name") && !k.endsWith(".type") && !leaves.getOrDefault(k, "").isEmpty()) {
                    byLayer.get(k.substring(LAYERS.length(), dot)).add(k.substring(dot + 1) + "=" + leaves.get(k));
                }
            }
            boolean layersVary = varying.stream().anyMatch(k -> k.startsWith(LAYERS));
            if (layersVary) {
                byLayer.forEach((layer, settings) -> layers.append(layers.length() == 0 ? "" : " \u2192 ")
                        .append(layer).append(settings.isEmpty() ? "" : "(" + String.join(", ", settings) + ")"));
                Map<String, String> withLayers = new LinkedHashMap<>();
                withLayers.put("layers", layers.toString());
                withLayers.putAll(kept);
                kept = withLayers;
            }
            out.put(name, kept);
        });
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(String.format("%s[%d]", path, i), node.get(i), out);
            }
        } else {
            out.put(path, node.asText());
        }
    }
}
