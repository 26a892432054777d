package io.fluentdl.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.track.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A search experiment's own figures, against numbers worked out by hand. */
class SearchExtrasTest {

    private static SearchData search(String json) throws Exception {
        return SearchData.parse(Json.MAPPER.readTree(json));
    }

    @Test
    void bestSoFarCountsEveryTrialsEpochsButOnlyCompleteScores() throws Exception {
        // trial order by number (the file lists them shuffled); the pruned trial's 0.9 spends epochs, never counts
        SearchData max = search("""
                {"search": "a", "goal": "maximize", "trials": [
                  {"number": 2, "status": "COMPLETE", "score": 0.6, "epochs": 1, "params": {}},
                  {"number": 0, "status": "COMPLETE", "score": 0.5, "epochs": 2, "params": {}},
                  {"number": 1, "status": "PRUNED", "score": 0.9, "epochs": 3, "params": {}},
                  {"number": 3, "status": "COMPLETE", "score": 0.55, "epochs": 4, "params": {}}]}""");
        SearchData min = search("""
                {"search": "b", "goal": "minimize", "trials": [
                  {"number": 0, "status": "FAIL", "score": null, "epochs": 1, "params": {}},
                  {"number": 1, "status": "COMPLETE", "score": 0.4, "epochs": 2, "params": {}},
                  {"number": 2, "status": "COMPLETE", "score": 0.3, "epochs": 2, "params": {}}]}""");
        Map<String, List<double[]>> lines = SearchExtras.bestSoFar(List.of(max, min));
        assertEquals(List.of("a", "b"), List.copyOf(lines.keySet()));
        List<double[]> a = lines.get("a");
        assertEquals(4, a.size());
        assertArrayEquals(new double[]{2, 0.5}, a.get(0));
        assertArrayEquals(new double[]{5, 0.5}, a.get(1));
        assertArrayEquals(new double[]{6, 0.6}, a.get(2));
        assertArrayEquals(new double[]{10, 0.6}, a.get(3));
        List<double[]> b = lines.get("b");
        assertEquals(2, b.size(), "no point before the first complete trial");
        assertArrayEquals(new double[]{3, 0.4}, b.get(0));
        assertArrayEquals(new double[]{5, 0.3}, b.get(1));
    }

    @Test
    void histogramBarsSitAtBinCentresWithTheirCounts() throws Exception {
        JsonNode spec = Json.MAPPER.readTree("""
                {"kind": "histogram", "title": "t", "axis": "log10(alpha)", "from": -4, "to": 0,
                 "series": {"uniform": [0, 1, 9, 90], "log-uniform": [25, 25, 25, 25]}}""");
        ObjectNode option = SearchExtras.histogramOption(spec);
        JsonNode uniform = option.path("series").get(0);
        assertEquals("uniform", uniform.path("name").asText());
        assertEquals(4, uniform.path("data").size());
        assertEquals(-3.5, uniform.path("data").get(0).path("value").get(0).asDouble(), 0);
        assertEquals(-0.5, uniform.path("data").get(3).path("value").get(0).asDouble(), 0);
        assertEquals(90, uniform.path("data").get(3).path("value").get(1).asDouble(), 0);
        assertEquals("log10(alpha) in [-1.00, 0.00)", uniform.path("data").get(3).path("tip").get(1).asText());
        assertEquals(25, option.path("series").get(1).path("data").get(2).path("value").get(1).asDouble(), 0);
        // the static twin: the same bins and counts
        var chart = SearchExtras.histogram(spec);
        var data = chart.getXYPlot().getDataset();
        assertEquals(-0.5, data.getXValue(0, 3), 1e-12);
        assertEquals(90, data.getYValue(0, 3), 0);
    }
}
