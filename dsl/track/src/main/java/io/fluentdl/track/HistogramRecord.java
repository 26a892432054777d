package io.fluentdl.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * One line of {@code histograms.jsonl}: the histogram of one parameter tensor of one layer at one iteration.
 *
 * @param iteration DL4J iteration (0-based) it was taken at
 * @param epoch     1-based epoch of that iteration
 * @param layer     layer name: the DSL's auto-name ({@code dense_1}) or DL4J's, else the layer index
 * @param param     DL4J parameter key within the layer: {@code W}, {@code b}, {@code gamma}, {@code beta},
 *                  {@code mean}, {@code var}
 * @param kind      weights, gradients or updates
 * @param histogram the binned values
 */
public record HistogramRecord(long iteration, int epoch, String layer, String param, HistogramKind kind,
                              Histogram histogram) {

    ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("iteration", iteration);
        node.put("epoch", epoch);
        node.put("layer", layer);
        node.put("param", param);
        node.put("kind", kind.name().toLowerCase(Locale.ROOT));
        node.set("min", Json.number(histogram.min()));
        node.set("max", Json.number(histogram.max()));
        ArrayNode counts = node.putArray("counts");
        for (long c : histogram.counts()) {
            counts.add(c);
        }
        node.set("mean", Json.number(histogram.mean()));
        node.set("std", Json.number(histogram.std()));
        node.put("nonFinite", histogram.nonFinite());
        return node;
    }

    static HistogramRecord fromJson(JsonNode node) {
        JsonNode c = node.path("counts");
        long[] counts = new long[c.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = c.get(i).asLong();
        }
        Histogram h = new Histogram(Json.toDouble(node.get("min")), Json.toDouble(node.get("max")), counts,
                Json.toDouble(node.get("mean")), Json.toDouble(node.get("std")), node.path("nonFinite").asLong());
        return new HistogramRecord(node.path("iteration").asLong(), node.path("epoch").asInt(),
                node.path("layer").asText(), node.path("param").asText(),
                HistogramKind.valueOf(node.path("kind").asText().toUpperCase(Locale.ROOT)), h);
    }
}
