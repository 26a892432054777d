package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.report.SearchData.Param;
import io.fluentdl.experiments.report.SearchData.Trial;
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
 * The report of a hyperparameter search, on the same {@link Page} and with the same {@link Figure}s as an
 * experiment's: trials table, parallel coordinates, score against each parameter, importance. Reads the
 * search contract of the package docs.
 */
final class SearchReport {

    private SearchReport() {
    }

    static boolean isSearch(JsonNode tree) {
        return SearchData.isSearch(tree);
    }

    static Path build(Path runDir, JsonNode tree) throws IOException {
        SearchData data = SearchData.parse(tree);
        Path plots = runDir.resolve(ReportBuilder.PLOTS);
        ChartFiles.write(ParallelFigure.of(data), plots, "parallel-coordinates");
        Figure parallelFigure = new Figure("Parallel coordinates: one line per trial through its parameter values to its "
                + "score; drag along an axis to keep the trials in a range", SearchOptions.parallelCoordinates(data),
                ReportBuilder.PLOTS + "/parallel-coordinates", Figure.TALL);
        List<Figure> scatter = new ArrayList<>();
        for (Param p : data.space()) {
            String base = "score-vs-" + p.name();
            scatter.add(ReportBuilder.figure(SearchCharts.scoreVs(data, p), SearchOptions.scoreVs(data, p), plots, base,
                    String.format("%s against %s (%s%s)", data.metric(), p.name(), p.kind(), p.guessed() ? ", scale guessed" : ""),
                    ReportBuilder.SMALL_WIDTH, ReportBuilder.SMALL_HEIGHT));
        }
        Figure importance = data.importance().isEmpty() ? null
                : ReportBuilder.figure(SearchCharts.importance(data), SearchOptions.importance(data), plots, "importance",
                "Parameter importance", 760, Math.max(220, 90 + 40 * data.importance().size()));
        Path report = RunFiles.report(runDir);
        AtomicFiles.writeString(report, render(data, parallelFigure, scatter, importance,
                Files.exists(RunFiles.provenance(runDir)), TrialRunsSection.runs(runDir)));
        return report;
    }

    private static String render(SearchData data, Figure parallel, List<Figure> scatter, Figure importance,
                                 boolean hasProvenance, List<Run> trialRuns) {
        StringBuilder html = new StringBuilder();
        long complete = data.trials().stream().filter(Trial::complete).count();
        String best = data.best().map(b -> String.format(Locale.ROOT, " &middot; best: trial %d, %s = %s", b.number(),
                Html.escape(data.metric()), HistogramFigure.number(b.score()))).orElse("");
        html.append(Page.open(data.name(), String.format(Locale.ROOT,
                "search &middot; %1$d trials (%2$d complete) &middot; %3$s %4$s%5$s &middot; files: <a href=\"%6$s\">%6$s</a>%7$s",
                data.trials().size(), complete, data.maximize() ? "maximize" : "minimize", Html.escape(data.metric()),
                best, RunFiles.RESULTS, hasProvenance
                        ? String.format(", <a href=\"%s\">%s</a>", RunFiles.PROVENANCE, RunFiles.PROVENANCE) : ""),
                sections(!trialRuns.isEmpty())));
        if (!data.description().isEmpty()) {
            html.append(String.format("<p class=\"note\">%s</p>%n", Html.escape(data.description())));
        }
        for (String warning : data.warnings()) {
            html.append(String.format("<p class=\"note warning\">Warning: %s</p>%n", Html.escape(warning)));
        }
        if (!data.fixed().isEmpty()) {
            html.append(String.format("<p class=\"note\">Fixed in every trial: %s</p>%n", Html.escape(data.fixed().entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")))));
        }
        html.append("<section id=\"trials-section\">\n<h2>Trials</h2>\n<p class=\"note\">One row per trial; click a "
                + "header to sort.</p>\n");
        HtmlTable table = new HtmlTable("trials").column("trial", true).column("status", false)
                .column(data.metric(), true);
        data.space().forEach(p -> table.column(p.name(), p.scale() != SearchData.Scale.CATEGORICAL));
        table.column("epochs", true).column("seconds", true);
        boolean workers = data.trials().stream().anyMatch(t -> !t.worker().isEmpty());
        if (workers) {
            table.column("worker", false);
        }
        for (Trial t : data.trials()) {
            List<HtmlTable.Cell> cells = new ArrayList<>();
            cells.add(HtmlTable.Cell.number((double) t.number(), Integer.toString(t.number())));
            cells.add(HtmlTable.Cell.html(String.format("<span class=\"status %s\">%s</span>", Html.escape(t.status()),
                    Html.escape(t.status())), t.status()));
            cells.add(HtmlTable.Cell.number(t.score(), t.score() == null ? "" : HistogramFigure.number(t.score())));
            for (Param p : data.space()) {
                JsonNode v = t.params().get(p.name());
                if (v != null && v.isNumber()) {
                    cells.add(HtmlTable.Cell.number(v.asDouble(), v.isIntegralNumber() ? v.asText()
                            : String.format(Locale.ROOT, "%.4g", v.asDouble())));
                } else {
                    cells.add(HtmlTable.Cell.text(v == null || v.isNull() ? "" : v.asText()));
                }
            }
            cells.add(HtmlTable.Cell.number(t.epochs() == null ? null : t.epochs().doubleValue(), String.valueOf(t.epochs())));
            cells.add(HtmlTable.Cell.number(t.seconds(), t.seconds() == null ? "" : String.format(Locale.ROOT, "%.1f", t.seconds())));
            if (workers) {
                cells.add(HtmlTable.Cell.text(t.worker()));
            }
            table.row(cells);
        }
        html.append(table.render()).append("</section>\n");
        html.append(TrialRunsSection.render(trialRuns));
        html.append("<section id=\"parallel\">\n<h2>Parallel coordinates</h2>\n");
        html.append(parallel.html());
        html.append("</section>\n<section id=\"scatter\">\n<h2>Score against each parameter</h2>\n"
                + "<p class=\"note\">Log axes where the parameter was sampled on a log scale; for one-minus-log "
                + "parameters (momentum) the axis is 1 &minus; value.</p>\n<div class=\"grid small\">\n");
        scatter.forEach(f -> html.append(f.html()));
        html.append("</div>\n</section>\n<section id=\"importance-section\">\n<h2>Parameter importance</h2>\n");
        if (importance == null) {
            html.append("<p class=\"note\">results.json has no importance.</p>\n");
        } else {
            html.append(importance.html());
        }
        html.append("</section>\n").append(Page.closeWithCharts());
        return html.toString();
    }

    private static List<Page.Section> sections(boolean trialRuns) {
        List<Page.Section> sections = new ArrayList<>(List.of(new Page.Section("trials-section", "Trials")));
        if (trialRuns) {
            sections.add(new Page.Section(TrialRunsSection.ID, "Tracked runs"));
        }
        sections.addAll(List.of(new Page.Section("parallel", "Parallel coordinates"),
                new Page.Section("scatter", "Score vs parameters"), new Page.Section("importance-section", "Importance")));
        return sections;
    }
}
