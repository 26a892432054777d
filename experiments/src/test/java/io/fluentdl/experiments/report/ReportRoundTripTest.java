package io.fluentdl.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.testing.Cli;
import io.fluentdl.experiments.testing.ToyExperiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report is rebuilt from results.json alone: no provenance, no in-memory state. */
class ReportRoundTripTest {

    @Test
    void reportIsBuiltFromResultsJsonAlone(@TempDir Path dir) throws IOException {
        Results results = ToyExperiment.results(List.of(1L, 2L, 3L), 5);
        Json.write(RunFiles.results(dir), results);

        Cli.Outcome o = Cli.run(Cli.toyRegistry(), "report", dir.toString());

        assertEquals(0, o.exitCode(), o.err());
        String html = Files.readString(RunFiles.report(dir));
        assertEquals(2 + results.variants().size(), count(html, "<div class=\"echart\""), "one chart per plot");
        assertEquals(2 + results.variants().size(), count(html, "<img class=\"print-only\" src=\"plots/"),
                "one static figure per plot, linked for printing");
        assertTrue(html.contains(ConsoleTable.meanStd(results.variants().get(0).testAccuracy())), "summary table");
        assertEquals(results.variants().size() * results.seeds().size(), count(html, "<tr><td>") - results.variants().size(),
                "runs table: one row per variant x seed, next to the summary's one per variant");
        assertTrue(html.contains("made up for tests"), "reference source");
        assertTrue(html.contains("No provenance.json in the run folder"));
        assertFalse(html.contains("<script src"), "no external scripts (ECharts and ours are inline)");
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no network");
        for (String plot : List.of("final-accuracy", "test-accuracy", "accuracy-fast", "accuracy-slow")) {
            assertTrue(Files.size(dir.resolve("plots/" + plot + ".png")) > 1000, plot);
            assertTrue(Files.readString(dir.resolve("plots/" + plot + ".svg")).contains("<svg"), plot);
        }
    }

    @Test
    void elementIdsAreUnique(@TempDir Path dir) throws IOException {
        Json.write(RunFiles.results(dir), ToyExperiment.results(List.of(1L, 2L), 3));
        String html = Files.readString(ReportBuilder.build(dir));
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1));
        }
    }

    @Test
    void consoleTableMarksSeedsThatNeverReached80() {
        String table = ConsoleTable.render(ToyExperiment.results(List.of(1L, 2L), 6));
        assertTrue(table.contains("n/a (2 never)"), table);
        assertTrue(table.contains("0.900 / 0.890"), table);
    }

    private static int count(String text, String fragment) {
        int n = 0;
        for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
            n++;
        }
        return n;
    }
}
