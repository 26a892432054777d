package io.fluentdl.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line of {@code metrics.jsonl}: the values logged for one step or one epoch.
 *
 * <p>Standard names (others may be logged freely): step records carry {@code loss} (the minibatch
 * score DL4J reports, with regularization), {@code lr}, {@code samples_per_sec}, {@code heap_bytes} and
 * {@code offheap_bytes} (ND4J's native allocations, JavaCPP's {@code Pointer.totalBytes()}); epoch
 * records carry {@code loss} (mean minibatch score of the epoch), {@code epoch_seconds},
 * {@code samples_per_sec}, {@code lr}, the memory figures and, from {@link io.fluentdl.Model#fit}, the
 * Keras names {@code train_loss}, {@code train_accuracy}, {@code val_loss}, {@code val_accuracy}.
 *
 * @param scope     step or epoch
 * @param iteration DL4J iteration count (0-based); for an epoch record, the iterations done by its end
 * @param epoch     1-based epoch the record belongs to
 * @param seconds   seconds since the run started
 * @param values    metric name → value, in logging order; NaN and infinities allowed
 */
public record MetricRecord(Scope scope, long iteration, int epoch, double seconds, Map<String, Double> values) {

    public MetricRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code name}, or NaN when this record does not have it. */
    public double get(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }

    ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("scope", scope.name().toLowerCase(Locale.ROOT));
        node.put("iteration", iteration);
        node.put("epoch", epoch);
        node.put("t", seconds);
        ObjectNode v = node.putObject("values");
        values.forEach((k, x) -> v.set(k, Json.number(x)));
        return node;
    }

    static MetricRecord fromJson(JsonNode node) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("values").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), Json.toDouble(e.getValue()));
        }
        return new MetricRecord(Scope.valueOf(node.path("scope").asText().toUpperCase(Locale.ROOT)),
                node.path("iteration").asLong(), node.path("epoch").asInt(), node.path("t").asDouble(), values);
    }
}
