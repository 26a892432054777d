package io.fluentdl.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a resumed experiment reuses: finished runs of its own, found by name and config, with their exact curves. */
class FinishedRunsTest {

    @TempDir
    Path root;

    private Run run(String experiment, String name, String configJson, boolean finish, double... valAccuracy) {
        try (Tracker t = Tracker.in(root).experiment(experiment).name(name).tags("unit").seed(7).configJson(configJson)
                .provenance(Map.of()).start()) {
            for (double acc : valAccuracy) {
                t.logEpoch(Map.of("val_accuracy", acc));
            }
            if (finish) {
                t.finish();
            } else {
                t.fail(new IllegalStateException("stopped"));
            }
            return t.run();
        }
    }

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void findsTheNewestFinishedRunOfANameAndConfigWithItsExactCurve() throws Exception {
        run("exp", "bn-after", "{\"seed\":1,\"epochs\":3}", true, 0.5, 0.6, 0.7);
        Run newer = run("exp", "bn-after", "{\"seed\":1,\"epochs\":3}", true, 0.1 + 0.2, 0.625, 1.0 / 3);
        run("exp", "bn-after", "{\"seed\":2,\"epochs\":3}", false, 0.9);       // failed: never reused
        run("other", "bn-after", "{\"seed\":2,\"epochs\":3}", true, 0.9);      // another experiment's

        FinishedRuns done = FinishedRuns.in(root, "exp", "unit");

        Run found = done.find("bn-after", json("{\"seed\":1,\"epochs\":3}")).orElseThrow();
        assertEquals(newer.id(), found.id());
        // doubles come back bit for bit (0.1 + 0.2 is 0.30000000000000004)
        assertEquals(List.of(0.1 + 0.2, 0.625, 1.0 / 3), done.epochValues(found, "val_accuracy"));
        assertTrue(done.find("bn-after", json("{\"seed\":2,\"epochs\":3}")).isEmpty());
        assertTrue(done.find("no-bn", json("{\"seed\":1,\"epochs\":3}")).isEmpty());
    }

    @Test
    void numbersMatchByValueNotByTheirJsonType() throws Exception {
        run("exp", "v", "{\"seed\":1}", true, 0.5);
        // a long in memory, an int once written and read back: the same config
        JsonNode asLong = Json.MAPPER.createObjectNode().put("seed", 1L);
        assertTrue(FinishedRuns.in(root, "exp", "unit").find("v", asLong).isPresent());
        assertTrue(FinishedRuns.in(root, "exp", "unit").find("v", json("{\"seed\":2}")).isEmpty());
    }
}
