package io.fluentdl.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one JSON convention: non-finite numbers as strings, unknown keys ignored, null doubles are NaN. */
class JsonTest {

    /** A stand-in for any of our records; record equality compares doubles with Double.compare, so NaN == NaN. */
    record Point(String name, double loss, double accuracy, List<Double> curve) {
    }

    @Test
    void nonFiniteNumbersRoundTripAsStrings(@TempDir Path dir) throws IOException {
        Point p = new Point("diverged", Double.NaN, Double.POSITIVE_INFINITY,
                Arrays.asList(0.5, Double.NaN, Double.NEGATIVE_INFINITY));
        Path file = dir.resolve("point.json");
        Json.write(file, p);
        String text = Files.readString(file);
        assertTrue(text.contains("\"loss\" : \"NaN\""), text);
        assertTrue(text.contains("\"accuracy\" : \"Infinity\""), text);
        assertTrue(text.contains("\"-Infinity\""), text);
        // strict JSON (a browser's JSON.parse, a default mapper) reads the file: no bare NaN token
        new ObjectMapper().readTree(text);
        assertEquals(p, Json.read(file, Point.class));
    }

    @Test
    void bareNanTokensAreNotJson() {
        // why the rule exists: Jackson's reader, like JSON.parse, refuses NaN without quotes
        assertThrows(JsonParseException.class, () -> new ObjectMapper().readTree("{\"loss\": NaN}"));
    }

    @Test
    void unknownKeysAreIgnoredForForwardCompatibility() throws IOException {
        Point p = Json.MAPPER.readValue("{\"name\":\"a\",\"loss\":0.25,\"accuracy\":0.5,\"curve\":[1.0],"
                + "\"addedByANewerVersion\":{\"x\":1}}", Point.class);
        assertEquals(new Point("a", 0.25, 0.5, List.of(1.0)), p);
    }

    @Test
    void nullIntoAPrimitiveDoubleIsNanNotZero() throws IOException {
        Point p = Json.MAPPER.readValue("{\"name\":\"a\",\"loss\":null,\"accuracy\":0.5,\"curve\":[]}", Point.class);
        assertTrue(Double.isNaN(p.loss()), Double.toString(p.loss()));
    }

    @Test
    void numberNodesReadBackTheSameDouble() {
        for (double v : new double[] {0.0, -1.5, 1e-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(Json.toDouble(Json.number(v))), Double.toString(v));
        }
        assertFalse(Json.number(Double.NaN).isNumber());
        assertTrue(Double.isNaN(Json.toDouble(null)));
        assertTrue(Double.isNaN(Json.toDouble(Json.MAPPER.nullNode())));
    }
}
