package io.fluentdl.track;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one JSON mapper of the tracking files, and the encoding of non-finite numbers: JSON has no NaN or
 * Infinity, and a diverged loss must survive the round trip (a browser's {@code JSON.parse} rejects
 * Jackson's bare {@code NaN}), so they are written as the strings "NaN", "Infinity" and "-Infinity".
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    static JsonNode number(double value) {
        return Double.isFinite(value) ? JsonNodeFactory.instance.numberNode(value)
                : JsonNodeFactory.instance.textNode(Double.toString(value));
    }

    static double toDouble(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        return node.isTextual() ? Double.parseDouble(node.asText()) : node.asDouble();
    }
}
