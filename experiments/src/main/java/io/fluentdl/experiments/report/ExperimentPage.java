package io.fluentdl.experiments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.Provenance;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.RunFiles;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders an experiment's {@code report.html} on the shared {@link Page}: the runs table, the summary
 * against the reference, interactive learning curves and final accuracies ({@link Figure}), histograms
 * over time, each variant's summary and the provenance.
 */
final class ExperimentPage {

    /** A raster figure linked from {@code plots/} (histogram small multiples); {@code file} has no extension. */
    record Image(String title, String caption, String file, int width) {
    }

    /** Everything drawn for the page. */
    record Figures(Figure overview, Figure finalAccuracy, List<Figure> perVariant, List<Image> histograms,
                   List<Figure> extra) {
    }

    private ExperimentPage() {
    }

    static String render(Results results, Optional<Provenance> provenance, Optional<TrackedRuns> tracked,
                         Figures figures) {
        StringBuilder html = new StringBuilder();
        int units = results.variants().stream().mapToInt(v -> v.runs().size()).sum();
        html.append(Page.open(results.experiment(), String.format(Locale.ROOT,
                "%11$s%d variants &times; %d seed%s %s = %d runs, %d epochs each%s &middot; files: "
                        + "<a href=\"%8$s\">%8$s</a>, <a href=\"%9$s\">%9$s</a>, <a href=\"%10$s\">%10$s</a>",
                results.variants().size(), results.seeds().size(), results.seeds().size() == 1 ? "" : "s",
                Html.escape(results.seeds().toString()), units, results.epochs(),
                provenance.map(p -> " &middot; started " + Html.escape(shortTime(p.start())) + " &middot; "
                        + Html.escape(String.valueOf(p.backend().nativeBuild()))).orElse(""),
                RunFiles.RESULTS, RunFiles.METRICS, RunFiles.PROVENANCE,
                results.dataset() == null ? "" : String.format("data: <b>%s</b> (%s) &middot; ",
                        Html.escape(results.dataset().name()), Html.escape(results.dataset().source()))), List.of(
                new Page.Section("runs-section", "Runs"), new Page.Section("summary", "Summary"),
                new Page.Section("curves", "Learning curves"), new Page.Section("final", "Final accuracy"),
                new Page.Section("histograms", "Histograms"), new Page.Section("models", "Models"),
                new Page.Section("provenance-section", "Provenance"))));
        RunsSection.render(html, results, provenance, tracked);
        SummarySection.render(html, results);
        html.append("<section id=\"curves\">\n<h2>Learning curves</h2>\n<p class=\"note\">Hover for each variant's "
                + "mean and its lowest-highest seed at an epoch; scroll or drag the slider to zoom; click a legend entry to "
                + "hide or show a variant. Printed, the static figures appear instead.</p>\n");
        html.append(figures.overview().html());
        figures.extra().forEach(f -> html.append(f.html()));
        html.append("<div class=\"grid\">\n");
        figures.perVariant().forEach(f -> html.append(f.html()));
        html.append("</div>\n</section>\n");
        html.append("<section id=\"final\">\n<h2>Final accuracy against the reference</h2>\n");
        html.append(figures.finalAccuracy().html());
        html.append("</section>\n");
        histograms(html, figures.histograms(), tracked.isPresent());
        summaries(html, provenance);
        provenance(html, provenance);
        html.append(Page.closeWithCharts());
        return html.toString();
    }

    /** {@code 2026-11-22T02:34:51.477Z} as {@code 2026-11-22 02:34:51 UTC}. */
    private static String shortTime(String instant) {
        return instant != null && instant.length() >= 19 ? instant.substring(0, 10) + " " + instant.substring(11, 19) + " UTC"
                : String.valueOf(instant);
    }

    private static void histograms(StringBuilder html, List<Image> images, boolean tracked) {
        html.append("<section id=\"histograms\">\n<h2>Histograms over time</h2>\n");
        if (images.isEmpty()) {
            html.append(String.format("<p class=\"note\">%s</p>%n", tracked
                    ? "The tracked runs recorded no histograms (the experiment asked for none)."
                    : "No tracked runs in this folder (runs/), so no histograms."));
        } else {
            html.append("<p class=\"note\">Per layer and parameter of the first seed's run: weights after each "
                    + "recorded iteration, gradients of the mean minibatch loss, and the updates the optimizer applied. "
                    + "Compare the variants with and without batch norm.</p>\n");
        }
        for (int i = 0; i < images.size(); i++) {
            Image im = images.get(i);
            // linked, not inlined: as base64 the histograms took 2.9 of the quick case study's 3.4 MB
            html.append(String.format("<details%s><summary>%s</summary>%n<figure><img src=\"%s.png\" width=\"%d\" "
                            + "alt=\"%s\">%n<figcaption>%s (<a href=\"%s.svg\">SVG</a>, <a href=\"%s.png\">"
                            + "PNG</a>)</figcaption></figure>%n</details>%n", i < 2 ? " open" : "", Html.escape(im.title()),
                    Html.url(im.file()), im.width(), Html.escape(im.caption()), Html.escape(im.caption()),
                    Html.url(im.file()), Html.url(im.file())));
        }
        html.append("</section>\n");
    }

    private static void summaries(StringBuilder html, Optional<Provenance> provenance) {
        html.append("<section id=\"models\">\n<h2>Models</h2>\n");
        if (provenance.isEmpty()) {
            html.append(String.format("<p class=\"note\">No %s in the run folder, so no model summaries.</p>%n",
                    RunFiles.PROVENANCE));
        } else {
            for (Provenance.Variant v : provenance.get().variants()) {
                html.append(String.format("<h3>%s</h3>%n<pre class=\"summary\">%s</pre>%n", Html.escape(v.name()),
                        Html.escape(v.summary())));
            }
        }
        html.append("</section>\n");
    }

    private static void provenance(StringBuilder html, Optional<Provenance> provenance) {
        html.append("<section id=\"provenance-section\">\n<h2>Provenance</h2>\n");
        if (provenance.isEmpty()) {
            html.append(String.format("<p class=\"note\">No %s in the run folder.</p>%n", RunFiles.PROVENANCE));
        } else {
            try {
                html.append(String.format("<p class=\"note\">Command: <code>%s</code></p>%n",
                        Html.escape(provenance.get().commandLine())));
                html.append("<details><summary>provenance.json</summary><pre id=\"provenance\">")
                        .append(Html.escape(Json.MAPPER.writeValueAsString(provenance.get()))).append("</pre></details>\n");
            } catch (JsonProcessingException e) {
                html.append(String.format("<p class=\"note\">Could not render provenance: %s</p>%n",
                        Html.escape(e.getMessage())));
            }
        }
        html.append("</section>\n");
    }

}
