package io.fluentdl.experiments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * ECharts options as Jackson trees, and their text for a page. Options are data, written by Jackson,
 * never JavaScript glued from strings: a variant named {@code </script><script>alert(1)} must reach the
 * chart as that text. The page's own script adds the few functions (tooltip formatters) an option
 * names by key.
 */
final class ChartJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper HTML_SAFE = JsonMapper.builder().build();

    static {
        HTML_SAFE.getFactory().setCharacterEscapes(new HtmlSafe());
    }

    private ChartJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A number, or null where it is not finite (JSON has no NaN; ECharts skips a null point). */
    static JsonNode number(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.nullNode();
    }

    /** An array of numbers, each through {@link #number}. */
    static ArrayNode numbers(double... values) {
        ArrayNode out = array();
        for (double v : values) {
            out.add(number(v));
        }
        return out;
    }

    /**
     * The tree as compact JSON that is safe inside an HTML {@code <script type="application/json">}:
     * {@code <}, {@code >} and {@code &} are written as {@code \}{@code u003c}-style escapes, which
     * JSON.parse reads back as the same characters.
     */
    static String html(JsonNode tree) {
        try {
            return HTML_SAFE.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Escapes the characters that could close the script element or open a comment in it. */
    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafe() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // U+2028/9 end a line in older JavaScript parsers
            return ch == 0x2028 ? new SerializedString("\\u2028") : ch == 0x2029 ? new SerializedString("\\u2029") : null;
        }
    }
}
