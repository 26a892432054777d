package io.fluentdl.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.Experiments;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.testing.Cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens generated reports in headless Chromium: a real {@code bn-case-study --quick --epochs 2} run,
 * a search in the report's JSON contract, and the index over both. Each page must log no console
 * error, uncaught exception or failed load; its tables must have the right rows and sort when a
 * header is clicked; every chart must have drawn (SVGs with shapes, images decoded). Screenshots go
 * to {@code target/report-screenshots/}.
 *
 * <p>Needs Chromium ({@code /usr/bin/chromium}, or {@code -Dfluentdl.chromium=PATH}); CI installs it.
 * Without one the test fails, unless {@code -Dfluentdl.browser.skip=true} skips it on purpose.
 */
class ReportBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    private static final int VARIANTS = 7;
    private static final int SEEDS = 2;

    /** Per page: every SVG's shape count, every image's natural width, table row counts. */
    private static final String DRAWN = """
            JSON.stringify({
              svgs: Array.from(document.querySelectorAll('svg')).map(function (s) {
                return s.querySelectorAll('path, rect, line, polyline, polygon, circle, ellipse').length; }),
              imgs: Array.from(document.querySelectorAll('img')).map(function (i) {
                return i.complete ? i.naturalWidth : 0; }),
              tables: Array.from(document.querySelectorAll('table')).map(function (t) {
                return { id: t.id, rows: t.tBodies[0] ? t.tBodies[0].rows.length : 0 }; })
            })""";

    @TempDir
    static Path out;
    static HeadlessChromium browser;

    @BeforeAll
    static void generateAndStart() throws Exception {
        if (Boolean.getBoolean("fluentdl.browser.skip")) {
            Assumptions.abort("skipped with -Dfluentdl.browser.skip=true");
        }
        Path chromium = HeadlessChromium.find().orElse(null);
        if (chromium == null) {
            fail(String.format("No Chromium found (looked at -Dfluentdl.chromium and %s). Install Debian's 'chromium' "
                    + "(.ci/run does), or skip this test on purpose with -Dfluentdl.browser.skip=true.",
                    HeadlessChromium.CANDIDATES));
        }
        Cli.Outcome run = Cli.run(Experiments.registry(), "run", "bn-case-study", "--quick", "--epochs", "2", "--quiet",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        SearchFixture.write(out.resolve("circles-search"));
        Cli.Outcome report = Cli.run(Experiments.registry(), "report", out.toString());
        assertEquals(0, report.exitCode(), report.err());
        browser = HeadlessChromium.start(chromium, 1280, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void caseStudyReportDrawsEverythingWithoutErrors() throws Exception {
        JsonNode page = open(out.resolve("bn-case-study"), "bn-case-study.png");
        assertEquals(VARIANTS * SEEDS, rows(page, "runs"), "one runs-table row per variant x seed");
        assertEquals(VARIANTS, rows(page, "reference"));
        // curves: overview, final accuracy, one per variant; histograms: one image per variant
        assertEquals(VARIANTS + 2, page.get("svgs").size());
        assertEquals(VARIANTS, page.get("imgs").size());
        assertSortable("runs", 4); // test acc
    }

    @Test
    void searchReportDrawsEverythingWithoutErrors() throws Exception {
        JsonNode page = open(out.resolve("circles-search"), "circles-search.png");
        assertEquals(SearchFixture.TRIALS, rows(page, "trials"));
        // parallel coordinates, one scatter per parameter (4), importance
        assertEquals(6, page.get("svgs").size());
        assertSortable("trials", 3); // score
    }

    @Test
    void indexLinksEveryReport() throws Exception {
        JsonNode page = open(out, "index.png");
        assertEquals(2, rows(page, "reports"));
    }

    private static JsonNode open(Path dir, String screenshot) throws Exception {
        int errorsBefore = browser.errors().size();
        browser.open(RunFiles.report(dir));
        JsonNode page = Json.parse(browser.evaluate(DRAWN).asText());
        browser.screenshot(SCREENSHOTS.resolve(screenshot));
        List<String> errors = browser.errors().subList(errorsBefore, browser.errors().size());
        assertEquals(List.of(), errors, "console errors, exceptions or failed loads in " + dir);
        List<String> blank = new ArrayList<>();
        for (int i = 0; i < page.get("svgs").size(); i++) {
            if (page.get("svgs").get(i).asInt() == 0) {
                blank.add("svg #" + i);
            }
        }
        for (int i = 0; i < page.get("imgs").size(); i++) {
            if (page.get("imgs").get(i).asInt() == 0) {
                blank.add("img #" + i);
            }
        }
        assertEquals(List.of(), blank, "charts that did not draw");
        return page;
    }

    private static int rows(JsonNode page, String table) {
        for (JsonNode t : page.get("tables")) {
            if (t.get("id").asText().equals(table)) {
                return t.get("rows").asInt();
            }
        }
        throw new AssertionError("no table #" + table + " in " + page.get("tables"));
    }

    /** Clicking the column's header sorts ascending, clicking again descending (by the cells' sort values). */
    private static void assertSortable(String table, int column) throws Exception {
        String values = String.format("""
                (function () {
                  var th = document.querySelector('#%1$s thead th:nth-child(%2$d)');
                  th.click();
                  var up = Array.from(document.querySelectorAll('#%1$s tbody td:nth-child(%2$d)')).map(function (c) {
                    return Number(c.getAttribute('data-v') || '-Infinity'); });
                  th.click();
                  var down = Array.from(document.querySelectorAll('#%1$s tbody td:nth-child(%2$d)')).map(function (c) {
                    return Number(c.getAttribute('data-v') || '-Infinity'); });
                  return JSON.stringify({ up: up, down: down, sort: th.getAttribute('aria-sort') });
                })()""", table, column);
        JsonNode sorted = Json.parse(browser.evaluate(values).asText());
        assertEquals("descending", sorted.get("sort").asText());
        assertTrue(isSorted(sorted.get("up"), 1), "ascending after one click: " + sorted.get("up"));
        assertTrue(isSorted(sorted.get("down"), -1), "descending after two clicks: " + sorted.get("down"));
    }

    private static boolean isSorted(JsonNode values, int direction) {
        for (int i = 1; i < values.size(); i++) {
            double a = values.get(i - 1).isNumber() ? values.get(i - 1).asDouble() : Double.NEGATIVE_INFINITY;
            double b = values.get(i).isNumber() ? values.get(i).asDouble() : Double.NEGATIVE_INFINITY;
            if (Double.compare(a, b) * direction > 0) {
                return false;
            }
        }
        return true;
    }

    /** Parses JSON text from the page. */
    private static final class Json {
        static JsonNode parse(String text) throws java.io.IOException {
            return io.fluentdl.experiments.results.Json.MAPPER.readTree(text);
        }
    }
}
