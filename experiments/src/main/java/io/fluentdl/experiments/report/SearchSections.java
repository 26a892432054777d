package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.report.SearchData.Param;
import io.fluentdl.experiments.report.SearchData.Trial;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sections of one search on a report page, drawn from its {@link SearchData}: trials table, parallel
 * coordinates, the score against each parameter and the importance. A search's own report has one set
 * ({@link SearchReport}); a search experiment's page one per search it ran ({@link SearchExperimentPage}),
 * each with its own ids and plot files ({@code prefix}).
 */
final class SearchSections {

    /** One search's figures, drawn; {@code prefix} is "" on a search's own page, else one safe id. */
    record Drawn(SearchData data, String prefix, Figure parallel, List<Figure> scatter, Figure importance) {

        String id(String id) {
            return prefix.isEmpty() ? id : prefix + "-" + id;
        }

        /** The navigation links of these sections; {@code label} names the search on a page with several. */
        List<Page.Section> nav(String label) {
            String of = label.isEmpty() ? "" : " (" + label + ")";
            return List.of(new Page.Section(id("trials-section"), "Trials" + of),
                    new Page.Section(id("parallel"), "Parallel coordinates" + of),
                    new Page.Section(id("scatter"), "Score vs parameters" + of),
                    new Page.Section(id("importance-section"), "Importance" + of));
        }
    }

    private SearchSections() {
    }

    /** Writes the static plots of {@code data} to {@code plots/} (names start with {@code prefix}) and pairs them with their options. */
    static Drawn draw(SearchData data, Path runDir, String prefix) throws IOException {
        Path plots = runDir.resolve(ReportBuilder.PLOTS);
        String p = prefix.isEmpty() ? "" : prefix + "-";
        ChartFiles.write(ParallelFigure.of(data), plots, p + "parallel-coordinates");
        Figure parallel = new Figure("Parallel coordinates: one line per trial through its parameter values to its "
                + "score; drag along an axis to keep the trials in a range", SearchOptions.parallelCoordinates(data),
                ReportBuilder.PLOTS + "/" + p + "parallel-coordinates", Figure.TALL);
        List<Figure> scatter = new ArrayList<>();
        for (Param param : data.space()) {
            scatter.add(ReportBuilder.figure(SearchCharts.scoreVs(data, param), SearchOptions.scoreVs(data, param), plots,
                    p + "score-vs-" + param.name(), String.format("%s against %s (%s%s)", data.metric(), param.name(),
                            param.kind(), param.guessed() ? ", scale guessed" : ""),
                    ReportBuilder.SMALL_WIDTH, ReportBuilder.SMALL_HEIGHT));
        }
        Figure importance = data.importance().isEmpty() ? null
                : ReportBuilder.figure(SearchCharts.importance(data), SearchOptions.importance(data), plots, p + "importance",
                "Parameter importance", 760, Math.max(220, 90 + 40 * data.importance().size()));
        return new Drawn(data, prefix, parallel, scatter, importance);
    }

    /**
     * The four sections as HTML; {@code label} heads each one on a page with several searches, and
     * {@code afterTrials} (HTML, e.g. the tracked runs) goes between the trials and the charts.
     */
    static String html(Drawn d, String label, String afterTrials) {
        SearchData data = d.data();
        String of = label.isEmpty() ? "" : ": " + Html.escape(label);
        StringBuilder html = new StringBuilder(String.format("<section id=\"%s\">%n<h2>Trials%s</h2>%n<p class=\"note\">"
                + "One row per trial; click a header to sort.</p>%n", d.id("trials-section"), of));
        HtmlTable table = new HtmlTable(d.id("trials")).column("trial", true).column("status", false)
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
        html.append(table.render()).append("</section>\n").append(afterTrials);
        html.append(String.format("<section id=\"%s\">%n<h2>Parallel coordinates%s</h2>%n", d.id("parallel"), of));
        html.append(d.parallel().html());
        html.append(String.format("</section>%n<section id=\"%s\">%n<h2>Score against each parameter%s</h2>%n"
                + "<p class=\"note\">Log axes where the parameter was sampled on a log scale; for one-minus-log "
                + "parameters (momentum) the axis is 1 &minus; value.</p>%n<div class=\"grid small\">%n", d.id("scatter"), of));
        d.scatter().forEach(f -> html.append(f.html()));
        html.append(String.format("</div>%n</section>%n<section id=\"%s\">%n<h2>Parameter importance%s</h2>%n",
                d.id("importance-section"), of));
        if (d.importance() == null) {
            html.append("<p class=\"note\">results.json has no importance.</p>\n");
        } else {
            html.append(d.importance().html());
        }
        return html.append("</section>\n").toString();
    }
}
