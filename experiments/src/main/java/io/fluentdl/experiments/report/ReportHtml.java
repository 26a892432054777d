package io.fluentdl.experiments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fluentdl.experiments.results.Json;
import io.fluentdl.experiments.results.Provenance;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.results.TrainTest;
import io.fluentdl.experiments.results.VariantResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no network)
 * with the console table, the plots, the reference comparison, each variant's summary and the
 * provenance.
 */
final class ReportHtml {

    /** A chart to show: its title for the reader and its inline SVG element. */
    record Figure(String caption, String svg, String file) {
    }

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
            pre { background: #f6f8fa; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
            table { border-collapse: collapse; } td, th { padding: 0.25em 0.8em; border-bottom: 1px solid #eee; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; }
            figcaption { font-size: 0.85em; color: #555; }
            .note { color: #666; font-size: 0.9em; }
            """;

    private ReportHtml() {
    }

    static String render(Results results, Optional<Provenance> provenance, List<Figure> figures) {
        StringBuilder html = new StringBuilder();
        html.append(String.format("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%1$s - FluentDL report</title>
                <style>%2$s</style>
                </head>
                <body>
                <h1>%1$s</h1>
                <p>%3$d seed%4$s %5$s, %6$d epochs per run. Files: <a href="%7$s">%7$s</a>,
                <a href="%8$s">%8$s</a>, <a href="%9$s">%9$s</a>.</p>
                """, Html.escape(results.experiment()), STYLE, results.seeds().size(),
                results.seeds().size() == 1 ? "" : "s", Html.escape(results.seeds().toString()), results.epochs(),
                RunFiles.RESULTS, RunFiles.METRICS, RunFiles.PROVENANCE));
        html.append("<h2>Results</h2>\n<pre id=\"console-table\">")
                .append(Html.escape(ConsoleTable.render(results))).append("</pre>\n");
        referenceTable(html, results);
        html.append("<h2>Plots</h2>\n");
        for (Figure figure : figures) {
            html.append(String.format("<figure>%n%s%n<figcaption>%s (<a href=\"%s.svg\">SVG</a>, <a href=\"%s.png\">PNG</a>)"
                    + "</figcaption>%n</figure>%n", figure.svg(), Html.escape(figure.caption()), figure.file(), figure.file()));
        }
        summaries(html, provenance);
        provenance(html, provenance);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void referenceTable(StringBuilder html, Results results) {
        html.append("<h2>Against the reference</h2>\n");
        if (results.reference().values().isEmpty()) {
            html.append("<p class=\"note\">No published reference for this experiment.</p>\n");
            return;
        }
        html.append(String.format("<p class=\"note\">Reference: %s</p>%n", Html.escape(results.reference().source())));
        html.append("<table id=\"reference\">\n<tr><th>variant</th><th>reference train</th><th>reference test</th>"
                + "<th>ours train (mean ± std)</th><th>ours test (mean ± std)</th></tr>\n");
        for (VariantResult v : results.variants()) {
            Optional<TrainTest> ref = results.reference().of(v.name());
            html.append(String.format(Locale.ROOT,
                    "<tr><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>%n",
                    Html.escape(v.name()), ref.map(r -> String.format(Locale.ROOT, "%.3f", r.train())).orElse("-"),
                    ref.map(r -> String.format(Locale.ROOT, "%.3f", r.test())).orElse("-"),
                    ConsoleTable.meanStd(v.trainAccuracy()), ConsoleTable.meanStd(v.testAccuracy())));
        }
        html.append("</table>\n");
    }

    private static void summaries(StringBuilder html, Optional<Provenance> provenance) {
        html.append("<h2>Models</h2>\n");
        if (provenance.isEmpty()) {
            html.append(String.format("<p class=\"note\">No %s in the run folder, so no model summaries.</p>%n",
                    RunFiles.PROVENANCE));
            return;
        }
        for (Provenance.Variant v : provenance.get().variants()) {
            html.append(String.format("<h3>%s</h3>%n<pre class=\"summary\">%s</pre>%n", Html.escape(v.name()),
                    Html.escape(v.summary())));
        }
    }

    private static void provenance(StringBuilder html, Optional<Provenance> provenance) {
        html.append("<h2>Provenance</h2>\n");
        if (provenance.isEmpty()) {
            html.append(String.format("<p class=\"note\">No %s in the run folder.</p>%n", RunFiles.PROVENANCE));
            return;
        }
        try {
            html.append("<pre id=\"provenance\">")
                    .append(Html.escape(Json.MAPPER.writeValueAsString(provenance.get()))).append("</pre>\n");
        } catch (JsonProcessingException e) {
            html.append(String.format("<p class=\"note\">Could not render provenance: %s</p>%n", Html.escape(e.getMessage())));
        }
    }
}
