package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.results.AtomicFiles;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.track.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report of a search experiment (sampling-scales, random-vs-grid, mnist-search), on the same
 * {@link Page} as every report: its key numbers, its own figures ({@link SearchExtras}), then for each
 * search it ran the sections of a search's report ({@link SearchSections}: trials, parallel coordinates,
 * score against each parameter, importance) and the trials' tracked runs. Read from the {@code "report"}
 * block of its results.json:
 * <pre>
 * "report": {"title": "...", "intro": "...", "numbers": {"name": "value", ...},
 *            "figures": [{"kind": "histogram" | "best_so_far", "name": "file name", "caption": "...", ...}],
 *            "searches": [a search results contract each (see the package docs)], "table": "fixed-width text"}
 * </pre>
 */
final class SearchExperimentPage {

    static final String BLOCK = "report";

    private SearchExperimentPage() {
    }

    /** Whether results.json describes a search experiment's page. */
    static boolean is(JsonNode tree) {
        return tree.path(BLOCK).path("searches").isArray();
    }

    static Path build(Path runDir, JsonNode tree) throws IOException {
        JsonNode page = tree.path(BLOCK);
        Path plots = runDir.resolve(ReportBuilder.PLOTS);
        List<SearchData> searches = new ArrayList<>();
        page.path("searches").forEach(s -> searches.add(SearchData.parse(s)));
        List<Figure> figures = new ArrayList<>();
        for (JsonNode spec : page.path("figures")) {
            String kind = spec.path("kind").asText();
            String name = spec.path("name").asText(kind);
            String caption = spec.path("caption").asText("");
            switch (kind) {
                case "histogram" -> figures.add(ReportBuilder.figure(SearchExtras.histogram(spec),
                        SearchExtras.histogramOption(spec), plots, name, caption));
                case "best_so_far" -> {
                    List<String> wanted = new ArrayList<>();
                    spec.path("searches").forEach(n -> wanted.add(n.asText()));
                    List<SearchData> lines = searches.stream().filter(s -> wanted.contains(s.name())).toList();
                    String metric = spec.path("metric").asText("score");
                    figures.add(ReportBuilder.figure(SearchExtras.bestSoFarChart(metric, lines),
                            SearchExtras.bestSoFarOption(metric, lines), plots, name, caption));
                }
                default -> throw new IllegalArgumentException(String.format("%s: unknown figure kind '%s' in %s.figures; "
                        + "expected histogram or best_so_far", RunFiles.results(runDir), kind, BLOCK));
            }
        }
        List<SearchSections.Drawn> drawn = new ArrayList<>();
        for (SearchData s : searches) {
            drawn.add(SearchSections.draw(s, runDir, searches.size() == 1 ? "" : Html.id(s.name())));
        }
        List<Run> trialRuns = TrialRunsSection.runs(runDir);
        Path report = RunFiles.report(runDir);
        AtomicFiles.writeString(report, render(page, figures, drawn, trialRuns, Files.exists(RunFiles.provenance(runDir))));
        return report;
    }

    private static String render(JsonNode page, List<Figure> figures, List<SearchSections.Drawn> drawn, List<Run> trialRuns,
                                 boolean hasProvenance) {
        List<Page.Section> nav = new ArrayList<>(List.of(new Page.Section("numbers", "Results")));
        if (!figures.isEmpty()) {
            nav.add(new Page.Section("figures", "Figures"));
        }
        boolean several = drawn.size() > 1;
        for (SearchSections.Drawn d : drawn) {
            nav.add(d.nav(several ? d.data().name() : "").get(0));   // each search's trials; its charts follow
        }
        if (!trialRuns.isEmpty()) {
            nav.add(new Page.Section(TrialRunsSection.ID, "Tracked runs"));
        }
        StringBuilder html = new StringBuilder(Page.open(page.path("title").asText("search experiment"), String.format(
                Locale.ROOT, "search experiment &middot; %d search%s &middot; files: <a href=\"%3$s\">%3$s</a>, "
                        + "<a href=\"%4$s\">%4$s</a>%5$s", drawn.size(), drawn.size() == 1 ? "" : "es", RunFiles.RESULTS,
                RunFiles.METRICS, hasProvenance ? String.format(", <a href=\"%1$s\">%1$s</a>", RunFiles.PROVENANCE) : ""),
                nav));
        html.append("<section id=\"numbers\">\n<h2>Results</h2>\n");
        if (!page.path("intro").asText("").isEmpty()) {
            html.append(String.format("<p class=\"note\">%s</p>%n", Html.escape(page.path("intro").asText())));
        }
        HtmlTable numbers = new HtmlTable("numbers-table").column("what", false).column("value", false);
        page.path("numbers").fields().forEachRemaining(e -> numbers.row(List.of(HtmlTable.Cell.text(e.getKey()),
                HtmlTable.Cell.text(e.getValue().asText()))));
        html.append(numbers.render());
        if (!page.path("table").asText("").isEmpty()) {
            html.append(String.format("<pre>%s</pre>%n", Html.escape(page.path("table").asText())));
        }
        html.append("</section>\n");
        if (!figures.isEmpty()) {
            html.append("<section id=\"figures\">\n<h2>Figures</h2>\n");
            figures.forEach(f -> html.append(f.html()));
            html.append("</section>\n");
        }
        for (SearchSections.Drawn d : drawn) {
            html.append(SearchSections.html(d, several ? d.data().name() : "", ""));
        }
        html.append(TrialRunsSection.render(trialRuns));
        return html.append(Page.closeWithCharts()).toString();
    }
}
