package io.fluentdl.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.search.StudyResults;
import io.fluentdl.search.Hp;
import io.fluentdl.search.RandomSearch;
import io.fluentdl.search.SearchSpace;
import io.fluentdl.search.Study;
import io.fluentdl.search.Trial;
import io.fluentdl.search.TrialStatus;
import io.fluentdl.track.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search trial whose score is NaN (a diverged loss) survives the study, results.json and the report's read. */
class NanScoreRoundTripTest {

    private static final Hp<Double> LR = Hp.logUniform("lr", 1e-4, 1);

    @TempDir
    Path dir;

    @Test
    void aNanScoreIsWrittenAsTheStringNanAndReadBackAsNoScore() throws Exception {
        Path db = dir.resolve("study.db");
        try (Study study = Study.open(db, "nan")) {
            RandomSearch.over(SearchSpace.named("s").params(LR).model(Trial::params)).trials(3).seed(5).maximize()
                    .study(study).objective((model, trial, reporter) -> trial.number() == 1 ? Double.NaN : trial.get(LR))
                    .run();
        }
        Path file = dir.resolve("results.json");
        try (Study study = Study.open(db, "nan")) {
            Json.write(file, StudyResults.of(study));
        }
        String text = Files.readString(file);
        assertTrue(text.contains("\"score\" : \"NaN\""), text);   // never null, never a bare NaN
        assertTrue(!text.contains("\"score\" : null"), text);

        JsonNode trials = Json.read(file, JsonNode.class).get("trials");
        assertEquals(3, trials.size());
        JsonNode diverged = trials.get(1);
        assertEquals(1, diverged.get("number").asInt());
        // a NaN objective fails the trial (TrialRunner), which keeps its NaN score
        assertEquals(TrialStatus.FAIL.name(), diverged.get("status").asText());
        assertTrue(Double.isNaN(Json.toDouble(diverged.get("score"))));
        // the others keep their scores: the objective returned the trial's own learning rate
        for (int i : new int[] {0, 2}) {
            JsonNode t = trials.get(i);
            assertEquals(t.get("params").get("lr").asDouble(), Json.toDouble(t.get("score")), 0);
        }
        // read as a Map through the convention, the string comes back as the double NaN where a double is asked for
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) ((java.util.List<Object>) Json.read(file, Map.class).get("trials")).get(1);
        assertTrue(Double.isNaN(Json.MAPPER.convertValue(row.get("score"), double.class)));

        // the report reads it as a trial without a score, and the best is among the others
        SearchData data = SearchData.parse(Json.read(file, JsonNode.class));
        assertNull(data.trials().get(1).score());
        int best = data.best().orElseThrow().number();
        assertTrue(best == 0 || best == 2, "best=" + best);
        assertEquals(Math.max(Json.toDouble(trials.get(0).get("score")), Json.toDouble(trials.get(2).get("score"))),
                data.best().orElseThrow().score(), 0);
    }
}
