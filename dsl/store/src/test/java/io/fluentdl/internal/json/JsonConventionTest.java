package io.fluentdl.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonConventionTest {

    record Score(double score, double loss) {
    }

    @Test
    void nonFiniteNumbersAreStringsAndReadBackAsTheSameDoubles() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nan", Double.NaN);
        m.put("inf", Double.POSITIVE_INFINITY);
        m.put("ninf", Double.NEGATIVE_INFINITY);
        m.put("x", 0.25);
        assertEquals("{\"nan\":\"NaN\",\"inf\":\"Infinity\",\"ninf\":\"-Infinity\",\"x\":0.25}",
                JsonConvention.MAPPER.writeValueAsString(m));
        double[] back = JsonConvention.MAPPER.readValue("[\"NaN\", \"Infinity\", \"-Infinity\", 0.25]", double[].class);
        assertTrue(Double.isNaN(back[0]));
        assertEquals(Double.POSITIVE_INFINITY, back[1]);
        assertEquals(Double.NEGATIVE_INFINITY, back[2]);
        assertEquals(0.25, back[3]);
    }

    @Test
    void nullIntoADoubleIsNanAndUnknownKeysAreIgnored() throws Exception {
        Score s = JsonConvention.MAPPER.readValue("{\"score\": null, \"loss\": \"NaN\", \"added_later\": 1}", Score.class);
        assertTrue(Double.isNaN(s.score()), "null must not read as a perfect 0.0");
        assertTrue(Double.isNaN(s.loss()));
        assertEquals("{\"score\":\"NaN\",\"loss\":0.5}", JsonConvention.MAPPER.writeValueAsString(new Score(Double.NaN, 0.5)));
    }
}
