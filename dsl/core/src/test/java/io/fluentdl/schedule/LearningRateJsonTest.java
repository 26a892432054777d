package io.fluentdl.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Specs are recorded in provenance.json: spec → JSON → spec must give an equal spec. */
class LearningRateJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> schedules() {
        return ScheduleExamples.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void roundTripsThroughPlainJackson(String name, LearningRate rate) throws Exception {
        String json = JSON.writerFor(LearningRate.class).writeValueAsString(rate);
        LearningRate back = JSON.readValue(json, LearningRate.class);
        assertEquals(rate, back, json);
        assertEquals(rate.valueAt(37, 5), back.valueAt(37, 5));
    }

    @Test
    void jsonNamesTheTypeAndTheUnit() throws Exception {
        LearningRate lr = CosineRestarts.peak(1e-3).firstPeriod(Period.iterations(200)).minLearningRate(1e-5);
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = JSON.readValue(JSON.writerFor(LearningRate.class).writeValueAsString(lr), Map.class);
        assertEquals("cosine-restarts", tree.get("type"));
        assertEquals(Map.of("length", 200, "unit", "ITERATIONS"), tree.get("firstPeriod"));
        assertEquals(Map.of("type", "cosine-restarts", "peak", 1e-3, "firstPeriod", Map.of("length", 200, "unit", "ITERATIONS"),
                "periodMultiplier", 2.0, "peakMultiplier", 1.0, "minLearningRate", 1e-5), tree);
    }

    @Test
    void nestedScheduleKeepsItsType() throws Exception {
        String json = JSON.writerFor(LearningRate.class).writeValueAsString(ScheduleExamples.all().get("warmup+sgdr"));
        assertTrue(json.contains("\"after\":{\"type\":\"cosine-restarts\""), json);
    }
}
