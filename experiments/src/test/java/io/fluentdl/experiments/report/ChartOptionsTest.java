package io.fluentdl.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.ParamCounts;
import io.fluentdl.experiments.results.Reference;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.SeedRun;
import io.fluentdl.experiments.results.VariantResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ECharts options hold the run's numbers: bands, whiskers and search axes against hand-computed values. */
class ChartOptionsTest {

    /** Two seeds, three epochs: test accuracy 0.5/0.6/0.7 and 0.7/0.8/0.6. */
    private static Results twoSeeds() {
        SeedRun a = new SeedRun(1, List.of(0.55, 0.65, 0.75), List.of(0.5, 0.6, 0.7), List.of(0.9, 0.8, 0.7),
                List.of(1.0, 0.9, 0.8));
        SeedRun b = new SeedRun(2, List.of(0.75, 0.85, 0.65), List.of(0.7, 0.8, 0.6), List.of(0.6, 0.5, 0.4),
                List.of(0.7, 0.6, 0.5));
        VariantResult v = VariantResult.of("bn-after", new ParamCounts(401, 301, 100), List.of(a, b));
        return new Results("toy", List.of(1L, 2L), 3, Reference.from("made up").with("bn-after", 0.846, 0.848), List.of(v));
    }

    @Test
    void overviewMeanLineCarriesMeanAndSeedBandPerEpoch() {
        ObjectNode option = CurveOptions.testAccuracyOverview(twoSeeds());
        JsonNode mean = series(option, "bn-after" + OptionParts.MEAN);
        // epoch 2: seeds 0.6 and 0.8 -> mean 0.7, band 0.6..0.8
        assertPoint(mean.get("data").get(1), 2, 0.7, 0.6, 0.8);
        // epoch 3: 0.7 and 0.6 -> mean 0.65, band 0.6..0.7
        assertPoint(mean.get("data").get(2), 3, 0.65, 0.6, 0.7);
        assertEquals(OptionParts.BAND, option.at("/tooltip/formatter").asText());
        assertEquals("inside", option.at("/dataZoom/0/type").asText(), "zoom with the wheel");
        assertEquals("slider", option.at("/dataZoom/1/type").asText(), "and with a slider");
    }

    @Test
    void bandSegmentsJoinConsecutiveEpochsAndShareTheVariantsLegendName() {
        ObjectNode option = CurveOptions.testAccuracyOverview(twoSeeds());
        JsonNode band = series(option, "bn-after/band");
        assertEquals("bn-after", band.get("name").asText(), "one legend entry toggles line and band");
        assertEquals(2, band.get("data").size(), "three epochs, two segments");
        // epoch 1 band 0.5..0.7 to epoch 2 band 0.6..0.8
        assertNumbers(band.get("data").get(0), 1, 0.5, 0.7, 2, 0.6, 0.8);
    }

    @Test
    void logOverviewClampsToTheFloorAsTheStaticChartDoes() {
        ObjectNode option = CurveOptions.logOverview(twoSeeds(), "train error", r -> Charts.errors(r.trainAccuracy()), 0.3);
        assertEquals("log", option.at("/yAxis/type").asText());
        // epoch 2 train errors 0.35 and 0.15 -> clamped to 0.35 and 0.3: mean 0.325
        assertPoint(series(option, "bn-after" + OptionParts.MEAN).get("data").get(1), 2, 0.325, 0.3, 0.35);
    }

    @Test
    void finalAccuracyHasMeanPointsStdWhiskersAndTheReference() {
        Results results = twoSeeds();
        ObjectNode option = CurveOptions.finalAccuracy(results);
        // test accuracy after epoch 3: 0.7 and 0.6
        double mean = results.variants().get(0).testAccuracy().mean();
        double std = results.variants().get(0).testAccuracy().std();
        assertEquals(0.65, mean, 1e-12);
        JsonNode test = option.get("series").get(2);
        assertEquals("test (ours)", test.get("name").asText());
        assertNumbers(test.at("/data/0/value"), 0, mean);
        JsonNode whisker = option.get("series").get(3);
        assertEquals("custom", whisker.get("type").asText());
        assertNumbers(whisker.at("/data/0"), 0, mean - std, mean + std);
        JsonNode reference = option.get("series").get(5);
        assertEquals("test (reference)", reference.get("name").asText());
        assertNumbers(reference.at("/data/0/value"), 0, 0.848);
    }

    @Test
    void searchAxesFollowHowEachParameterWasSampled(@TempDir Path dir) throws Exception {
        SearchData data = SearchData.parse(Json.MAPPER.readTree(RunFilesOf.results(SearchFixture.write(dir))));
        ObjectNode parallel = SearchOptions.parallelCoordinates(data);
        JsonNode axes = parallel.get("parallelAxis");
        assertEquals("log", axes.get(0).get("type").asText(), "learningRate is log-uniform");
        assertEquals(1e-4, axes.get(0).get("min").asDouble(), 1e-12);
        assertEquals("log", axes.get(1).get("type").asText(), "momentum: log axis of 1 - momentum");
        assertEquals(1 - 0.999, axes.get(1).get("min").asDouble(), 1e-12);
        assertEquals(1 - 0.9, axes.get(1).get("max").asDouble(), 1e-12);
        assertEquals("value", axes.get(2).get("type").asText(), "units: linear");
        assertEquals("category", axes.get(3).get("type").asText());
        assertEquals("[\"relu\",\"tanh\",\"elu\"]", axes.get(3).get("data").toString());
        SearchData.Trial first = data.trials().get(0);
        JsonNode row = parallel.at("/series/0/data").get(0);
        // complete trials sorted worst first: find trial 0 by its tip
        for (JsonNode r : parallel.at("/series/0/data")) {
            if (r.at("/tip/0").asText().startsWith("trial 0 ")) {
                row = r;
            }
        }
        assertEquals(1 - first.params().get("momentum").asDouble(), row.at("/value/1").asDouble(), 1e-15);
        assertEquals(first.score(), row.at("/value/4").asDouble(), 1e-15);
        assertEquals(data.scored().size(), parallel.at("/series/0/data").size(), "complete trials in the coloured series");
        assertEquals(data.trials().size() - data.scored().size(), parallel.at("/series/1/data").size(), "the others grey");
    }

    @Test
    void optionJsonCannotCloseItsScriptElement() throws Exception {
        ObjectNode option = ChartJson.object().put("name", "</script><script>window.pwned=1</script>&<!--");
        String html = ChartJson.html(option);
        assertFalse(html.contains("<"), html);
        assertFalse(html.contains(">"), html);
        assertFalse(html.contains("&"), html);
        assertEquals(option, Json.MAPPER.readTree(html), "JSON.parse reads the same text back");
        assertEquals("null", ChartJson.number(Double.NaN).toString(), "JSON has no NaN");
    }

    @Test
    void vendoredEChartsIsTheReleaseItsReadmeNames() throws Exception {
        String readme = EChartsScripts.read("echarts/README.md");
        byte[] script;
        try (var in = EChartsScripts.class.getResourceAsStream(EChartsScripts.ECHARTS)) {
            script = in.readAllBytes();
        }
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(script));
        assertTrue(readme.contains("`echarts.min.js` SHA-256 | `" + sha + "`"), "README names the file's SHA-256 " + sha);
        assertTrue(readme.contains("**" + EChartsScripts.VERSION + "**"), "README names version " + EChartsScripts.VERSION);
        assertTrue(new String(script, java.nio.charset.StandardCharsets.UTF_8).contains("version=\"" + EChartsScripts.VERSION + "\""),
                "the script is ECharts " + EChartsScripts.VERSION);
        assertTrue(EChartsScripts.read("echarts/NOTICE").contains("Apache ECharts"), "NOTICE kept beside it");
        assertTrue(EChartsScripts.read("echarts/LICENSE").contains("Apache License"), "LICENSE kept beside it");
    }

    private static JsonNode series(ObjectNode option, String id) {
        for (JsonNode s : option.get("series")) {
            if (s.path("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no series " + id + " in " + option.get("series"));
    }

    private static void assertPoint(JsonNode point, double epoch, double mean, double low, double high) {
        assertNumbers(point, epoch, mean, low, high);
    }

    private static void assertNumbers(JsonNode actual, double... expected) {
        assertEquals(expected.length, actual.size(), actual.toString());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(i).asDouble(), 1e-12, actual.toString());
        }
    }

    /** results.json of a run folder as a file. */
    private static final class RunFilesOf {
        static java.io.File results(Path dir) {
            return io.fluentdl.experiments.results.RunFiles.results(dir).toFile();
        }
    }
}
