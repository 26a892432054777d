package io.fluentdl.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.Experiments;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.results.VariantResult;
import io.fluentdl.experiments.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens generated reports in headless Chromium: a real {@code bn-case-study --quick} run, a search in
 * the report's JSON contract, and the index over both. Each page must log no console error, uncaught
 * exception or failed load; its tables must have the right rows and sort when a header is clicked;
 * every ECharts chart must have drawn and every image (print figures, histograms) decoded. Hovering a
 * chart with real mouse events must show the hovered point's value, computed here from the run's
 * data; printed, the static figures replace the charts. Screenshots go to
 * {@code target/report-screenshots/}.
 *
 * <p>Needs Chromium ({@code /usr/bin/chromium}, or {@code -Dfluentdl.chromium=PATH}); CI installs it.
 * Without one the test fails, unless {@code -Dfluentdl.browser.skip=true} skips it on purpose.
 */
class ReportBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    private static final int VARIANTS = 7;
    private static final int SEEDS = 2;

    /** Per page: every chart's drawn shape count (0: no ECharts instance), every image's natural width, table rows. */
    private static final String DRAWN = """
            JSON.stringify({
              charts: Array.from(document.querySelectorAll('div.echart')).map(function (el) {
                return echarts.getInstanceByDom(el) ? el.querySelectorAll('svg path, svg polygon').length : 0; }),
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
        Cli.Outcome run = Cli.run(Experiments.registry(), "run", "bn-case-study", "--quick", "--quiet",
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
        // charts: overview, final accuracy, one per variant; images: each chart's print figure, one histogram per variant
        assertEquals(VARIANTS + 2, page.get("charts").size());
        assertEquals(VARIANTS + 2 + VARIANTS, page.get("imgs").size());
        assertSortable("runs", 4); // test acc
    }

    @Test
    void searchReportDrawsEverythingWithoutErrors() throws Exception {
        JsonNode page = open(out.resolve("circles-search"), "circles-search.png");
        assertEquals(SearchFixture.TRIALS, rows(page, "trials"));
        // parallel coordinates, one scatter per parameter (4), importance; each with its print figure
        assertEquals(6, page.get("charts").size());
        assertEquals(6, page.get("imgs").size());
        assertSortable("trials", 3); // score
    }

    @Test
    void hoveringTheOverviewShowsTheMeanOfThatEpoch() throws Exception {
        Results results = io.fluentdl.track.Json.read(RunFiles.results(out.resolve("bn-case-study")), Results.class);
        VariantResult variant = results.variants().get(1);
        int epoch = 12;
        double mean = variant.runs().stream().mapToDouble(r -> r.testAccuracy().get(epoch - 1)).average().orElseThrow();
        double low = variant.runs().stream().mapToDouble(r -> r.testAccuracy().get(epoch - 1)).min().orElseThrow();
        double high = variant.runs().stream().mapToDouble(r -> r.testAccuracy().get(epoch - 1)).max().orElseThrow();
        browser.open(RunFiles.report(out.resolve("bn-case-study")));
        String tooltip = hover("chart-test-accuracy", String.format("{seriesId: %s}",
                io.fluentdl.track.Json.MAPPER.writeValueAsString(variant.name() + OptionParts.MEAN)),
                epoch, mean, "hover-test-accuracy.png");
        assertTrue(tooltip.contains("epoch " + epoch), tooltip);
        assertTrue(tooltip.contains(String.format(Locale.ROOT, "%s: %.4f (%.4f\u2013%.4f)", variant.name(), mean, low, high)),
                String.format(Locale.ROOT, "tooltip shows %s's mean %.4f and band at epoch %d: %s", variant.name(), mean,
                        epoch, tooltip));
    }

    @Test
    void clickingALegendEntryHidesTheVariantWithItsBandAndTheWheelZooms() throws Exception {
        Results results = io.fluentdl.track.Json.read(RunFiles.results(out.resolve("bn-case-study")), Results.class);
        String name = results.variants().get(2).name();
        browser.open(RunFiles.report(out.resolve("bn-case-study")));
        String state = """
                (function () {
                  var el = document.getElementById('chart-test-accuracy');
                  var chart = echarts.getInstanceByDom(el);
                  var legend = Array.from(el.querySelectorAll('svg text')).filter(function (t) {
                    return t.textContent === %s; })[0].getBoundingClientRect();
                  var box = el.getBoundingClientRect();
                  var zoom = chart.getOption().dataZoom[0];
                  return JSON.stringify({paths: el.querySelectorAll('svg path').length,
                    selected: chart.getOption().legend[0].selected[%2$s] !== false,
                    legendX: legend.left + legend.width / 2, legendY: legend.top + legend.height / 2,
                    x: box.left + box.width / 2, y: box.top + box.height / 2, start: zoom.start, end: zoom.end});
                })()""".formatted(io.fluentdl.track.Json.MAPPER.writeValueAsString(name),
                io.fluentdl.track.Json.MAPPER.writeValueAsString(name));
        browser.evaluate("document.getElementById('chart-test-accuracy').scrollIntoView({block: 'center'})");
        JsonNode before = Json.parse(browser.evaluate(state).asText());
        assertTrue(before.get("selected").asBoolean());
        browser.click(before.get("legendX").asDouble(), before.get("legendY").asDouble());
        JsonNode hidden = stateOnceRedrawn(state, s -> s.get("paths").asInt() != before.get("paths").asInt());
        assertFalse(hidden.get("selected").asBoolean(), "clicking '" + name + "' in the legend unselects it");
        // its mean line and every band segment (one per epoch step) are gone
        int epochs = results.epochs();
        assertTrue(before.get("paths").asInt() - hidden.get("paths").asInt() >= epochs,
                String.format("paths before %d, after %d: line and %d band segments hidden", before.get("paths").asInt(),
                        hidden.get("paths").asInt(), epochs - 1));
        browser.wheel(hidden.get("x").asDouble(), hidden.get("y").asDouble(), -500);
        JsonNode zoomed = stateOnceRedrawn(state, s -> s.get("end").asDouble() - s.get("start").asDouble() < 100);
        assertEquals(0, before.get("start").asDouble(), 1e-9);
        assertTrue(zoomed.get("end").asDouble() - zoomed.get("start").asDouble() < 100,
                "the wheel zoomed in on the epochs: " + zoomed);
    }

    /**
     * The chart state, read again every 100 ms (up to 5 s) until {@code redrawn} holds: ECharts applies a
     * legend click or a wheel zoom on a later animation frame, which a loaded machine delays past the
     * first read. Returns the last read either way, for the assertions to judge.
     */
    private static JsonNode stateOnceRedrawn(String state, java.util.function.Predicate<JsonNode> redrawn)
            throws Exception {
        JsonNode read = Json.parse(browser.evaluate(state).asText());
        for (int wait = 0; wait < 50 && !redrawn.test(read); wait++) {
            Thread.sleep(100);
            read = Json.parse(browser.evaluate(state).asText());
        }
        return read;
    }

    @Test
    void hoveringAScatterPointShowsItsTrial() throws Exception {
        SearchData data = SearchData.parse(io.fluentdl.track.Json.MAPPER.readTree(
                RunFiles.results(out.resolve("circles-search")).toFile()));
        SearchData.Trial best = data.best().orElseThrow();
        double lr = best.params().get("learningRate").asDouble();
        browser.open(RunFiles.report(out.resolve("circles-search")));
        String tooltip = hover("chart-score-vs-learningRate", "{seriesName: 'best'}", lr, best.score(), "hover-search.png");
        assertTrue(tooltip.contains(String.format("trial %d (COMPLETE)", best.number())), tooltip);
        assertTrue(tooltip.contains("val_accuracy = " + HistogramFigure.number(best.score())), tooltip);
        assertTrue(tooltip.contains("learningRate = " + HistogramFigure.number(lr)), tooltip);
    }

    @Test
    void printingShowsTheStaticFiguresInsteadOfTheCharts() throws Exception {
        browser.open(RunFiles.report(out.resolve("bn-case-study")));
        String visible = """
                JSON.stringify({
                  charts: Array.from(document.querySelectorAll('div.echart')).filter(function (e) {
                    return getComputedStyle(e).display !== 'none'; }).length,
                  figures: Array.from(document.querySelectorAll('img.print-only')).filter(function (i) {
                    return getComputedStyle(i).display !== 'none' && i.naturalWidth > 0; }).length
                })""";
        try {
            browser.emulateMedia("print");
            JsonNode printed = Json.parse(browser.evaluate(visible).asText());
            assertEquals(0, printed.get("charts").asInt(), "printed: no interactive chart");
            assertEquals(VARIANTS + 2, printed.get("figures").asInt(), "printed: every static figure, loaded");
        } finally {
            browser.emulateMedia("");
        }
        JsonNode screen = Json.parse(browser.evaluate(visible).asText());
        assertEquals(VARIANTS + 2, screen.get("charts").asInt());
        assertEquals(0, screen.get("figures").asInt());
    }

    @Test
    void quickCaseStudyReportIsAtMostThreeMegabytesWithEChartsInline() throws Exception {
        Path report = RunFiles.report(out.resolve("bn-case-study"));
        String html = Files.readString(report);
        assertTrue(Files.size(report) <= 3_000_000, "report.html is " + Files.size(report) + " bytes");
        assertTrue(html.contains(EChartsScripts.read(EChartsScripts.ECHARTS)), "the vendored echarts.min.js, inline");
        assertFalse(html.matches("(?s).*<script[^>]+src=.*"), "no script loaded from elsewhere (no CDN)");
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
        for (int i = 0; i < page.get("charts").size(); i++) {
            if (page.get("charts").get(i).asInt() == 0) {
                blank.add("chart #" + i);
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

    /**
     * Moves the mouse, with real DevTools input events, onto the point (x, y) of the chart's series
     * ({@code finder}, ECharts' convertToPixel), waits for the tooltip and returns its text; a
     * screenshot of the chart with its tooltip goes to {@link #SCREENSHOTS}.
     */
    private static String hover(String chartId, String finder, double x, double y, String screenshot) throws Exception {
        JsonNode at = Json.parse(browser.evaluate(String.format(Locale.ROOT, """
                (function () {
                  var el = document.getElementById('%s');
                  el.scrollIntoView({block: 'center'});
                  var p = echarts.getInstanceByDom(el).convertToPixel(%s, [%s, %s]);
                  var r = el.getBoundingClientRect();
                  return JSON.stringify({x: r.left + p[0], y: r.top + p[1], left: r.left + window.scrollX,
                    top: r.top + window.scrollY, width: r.width, height: r.height});
                })()""", chartId, finder, Double.toString(x), Double.toString(y))).asText());
        browser.mouseMove(at.get("x").asDouble() - 40, at.get("y").asDouble() + 30);
        browser.mouseMove(at.get("x").asDouble(), at.get("y").asDouble());
        String read = String.format("""
                new Promise(function (done) {
                  var tries = 0;
                  (function poll() {
                    var tip = document.querySelector('#%s .%s');
                    if (tip && getComputedStyle(tip).display !== 'none' && tip.innerText.trim() !== '') { done(tip.innerText); }
                    else if (++tries > 40) { done(''); }
                    else { setTimeout(poll, 50); }
                  })();
                })""", chartId, OptionParts.TOOLTIP_CLASS);
        String text = browser.evaluate(read).asText();
        browser.screenshot(SCREENSHOTS.resolve(screenshot), at.get("left").asDouble(), at.get("top").asDouble(),
                at.get("width").asDouble(), at.get("height").asDouble());
        assertFalse(text.isEmpty(), "no tooltip appeared over " + chartId + " at " + at);
        return text;
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
            return io.fluentdl.track.Json.MAPPER.readTree(text);
        }
    }
}
