package io.fluentdl.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.experiments.Experiments;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports built from a shared {@code results.json} whose names are hostile run no script in a real
 * browser: each name tries one HTML context (attribute in single or double quotes, element text, a
 * link's URL, a file path), and every payload would set {@code window.pwned}. After the page loads,
 * every element gets mouseover, mouseenter and focus events (the handlers an injected attribute would
 * use); then {@code window.pwned} must be unset, no element may carry an {@code on*} attribute, no link
 * may be a {@code javascript:} URL, and no file may have been written outside the run folder.
 */
class HostileNamesBrowserTest {

    /** One payload per context; each sets window.pwned to its number if it ever runs. */
    static final List<String> HOSTILE = List.of(
            "bn-after' onload='window.pwned=1",                         // single-quoted attribute (the SVG id)
            "bn-before\" onmouseover=\"window.pwned=2",                 // double-quoted attribute (the figure href)
            "</title><script>window.pwned=3</script>",                  // element text
            "<img src=x onerror=\"window.pwned=4\">",                   // element text, fires on load
            "javascript:window.pwned=5",                                // a URL
            "../../escaped-variant",                                    // a file path (plots/accuracy-<name>.svg)
            "<svg/onload=window.pwned=7>");

    private static final String PROBE = """
            (function () {
              // every data point of every chart through its tooltip: the names reach the formatters
              function hoverEveryPoint() {
                var shown = 0;
                document.querySelectorAll('div.echart').forEach(function (el) {
                  var chart = echarts.getInstanceByDom(el);
                  chart.getOption().series.forEach(function (series, s) {
                    // ECharts 5.6's showTip action throws on parallel series (no coordinate system to place
                    // the tip); their tooltips use the same 'tip' formatter as the scatter points
                    if (series.type === 'parallel') { return; }
                    (series.data || []).forEach(function (d, i) {
                      chart.dispatchAction({ type: 'showTip', seriesIndex: s, dataIndex: i });
                      shown++;
                    });
                  });
                });
                return shown;
              }
              var all = Array.from(document.querySelectorAll('*'));
              all.forEach(function (e) {
                ['mouseover', 'mouseenter', 'focus', 'mousemove'].forEach(function (type) {
                  e.dispatchEvent(new Event(type, { bubbles: true }));
                });
              });
              return JSON.stringify({
                pwned: window.pwned === undefined ? null : String(window.pwned),
                handlers: all.filter(function (e) {
                  return Array.from(e.attributes).some(function (a) { return a.name.toLowerCase().startsWith('on'); });
                }).map(function (e) { return e.outerHTML.substring(0, 120); }),
                jsLinks: Array.from(document.querySelectorAll('a')).filter(function (a) {
                  return a.protocol === 'javascript:'; }).map(function (a) { return a.getAttribute('href'); }),
                scripts: document.querySelectorAll('script:not([type="application/json"])').length,
                tooltips: hoverEveryPoint(),
                text: document.body.innerText
              });
            })()""";

    /** Table sorting, ECharts, our chart runtime. */
    private static final int CHART_PAGE_SCRIPTS = 3;

    @TempDir
    static Path root;
    static Path out;
    static HeadlessChromium browser;

    @BeforeAll
    static void buildHostileReports() throws Exception {
        if (Boolean.getBoolean("fluentdl.browser.skip")) {
            Assumptions.abort("skipped with -Dfluentdl.browser.skip=true");
        }
        Path chromium = HeadlessChromium.find().orElse(null);
        if (chromium == null) {
            fail(String.format("No Chromium found (looked at -Dfluentdl.chromium and %s). Install Debian's 'chromium', "
                    + "or skip on purpose with -Dfluentdl.browser.skip=true.", HeadlessChromium.CANDIDATES));
        }
        out = Files.createDirectories(root.resolve("a/b/out"));
        Cli.Outcome run = Cli.run(Experiments.registry(), "run", "bn-case-study", "--quick", "--epochs", "1", "--seeds", "1",
                "--quiet", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path experiment = out.resolve("bn-case-study");
        renameVariants(RunFiles.results(experiment), "variants");
        renameVariants(RunFiles.provenance(experiment), "variants");
        hostileSearch(out.resolve("javascript:window.pwned=8"));
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
    void experimentReportWithHostileVariantNamesRunsNoScript() throws Exception {
        JsonNode page = probe(out.resolve("bn-case-study"), CHART_PAGE_SCRIPTS);
        for (String name : HOSTILE) {
            assertTrue(page.get("text").asText().contains(name), "the name is shown as text: " + name);
        }
    }

    @Test
    void searchReportWithHostileNamesRunsNoScript() throws Exception {
        JsonNode page = probe(out.resolve("javascript:window.pwned=8"), CHART_PAGE_SCRIPTS);
        assertTrue(page.get("text").asText().contains(HOSTILE.get(2)), "the sweep name is shown as text");
        assertTrue(page.get("tooltips").asInt() > 0, "the charts' tooltips were shown");
    }

    @Test
    void indexLinksHostileFolderNamesAsPlainRelativeLinks() throws Exception {
        probe(out, 1);
    }

    @Test
    void noFileIsWrittenOutsideTheRunFolder() throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> outside = files.filter(Files::isRegularFile).filter(p -> !p.startsWith(out)).toList();
            assertEquals(List.of(), outside);
        }
        try (Stream<Path> plots = Files.list(out.resolve("bn-case-study").resolve(ReportBuilder.PLOTS))) {
            assertTrue(plots.allMatch(p -> Html.id(p.getFileName().toString()).equals(p.getFileName().toString())),
                    "every plot file name is one safe segment");
        }
    }

    private static JsonNode probe(Path dir, int scripts) throws Exception {
        int errorsBefore = browser.errors().size();
        browser.open(RunFiles.report(dir));
        JsonNode page = Json.MAPPER.readTree(browser.evaluate(PROBE).asText());
        assertTrue(page.get("pwned").isNull(), "a hostile name ran script: window.pwned=" + page.get("pwned"));
        assertEquals(0, page.get("handlers").size(), "elements with on* attributes: " + page.get("handlers"));
        assertEquals(0, page.get("jsLinks").size(), "javascript: links: " + page.get("jsLinks"));
        assertEquals(scripts, page.get("scripts").asInt(), "only the page's own scripts (table sorting; ECharts and "
                + "the chart runtime on pages with charts); chart options are JSON, which runs nothing");
        List<String> errors = browser.errors().subList(errorsBefore, browser.errors().size());
        assertFalse(errors.stream().anyMatch(e -> e.contains("pwned")), errors.toString());
        return page;
    }

    /** Gives the variants (in results.json or provenance.json) the hostile names, in order. */
    private static void renameVariants(Path file, String field) throws Exception {
        JsonNode tree = Json.MAPPER.readTree(file.toFile());
        ArrayNode variants = (ArrayNode) tree.get(field);
        for (int i = 0; i < variants.size() && i < HOSTILE.size(); i++) {
            ((ObjectNode) variants.get(i)).put("name", HOSTILE.get(i));
        }
        Json.MAPPER.writeValue(file.toFile(), tree);
    }

    /** The search fixture with a hostile sweep name, description, parameter name and categorical values. */
    private static void hostileSearch(Path dir) throws Exception {
        SearchFixture.write(dir);
        Path file = RunFiles.results(dir);
        String json = Files.readString(file)
                .replace("\"circles-search\"", Json.MAPPER.writeValueAsString(HOSTILE.get(2)))
                .replace("\"Made-up search for the report tests.\"", Json.MAPPER.writeValueAsString(HOSTILE.get(3)))
                .replace("\"learningRate\"", Json.MAPPER.writeValueAsString(HOSTILE.get(0)))
                .replace("\"tanh\"", Json.MAPPER.writeValueAsString(HOSTILE.get(1)));
        Files.writeString(file, json);
    }
}
