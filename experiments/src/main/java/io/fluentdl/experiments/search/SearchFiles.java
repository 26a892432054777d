package io.fluentdl.experiments.search;

import io.fluentdl.ModelSpec;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.report.ChartFiles;
import io.fluentdl.experiments.report.Html;
import io.fluentdl.experiments.report.ReportBuilder;
import io.fluentdl.experiments.results.AtomicFiles;
import io.fluentdl.experiments.results.ExperimentOutput;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.Provenance;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.results.VariantSpec;
import io.fluentdl.experiments.runtime.ProvenanceCollector;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a search experiment's folder with the run files' names ({@link RunFiles}): results.json,
 * metrics.csv, provenance.json, plots/ (SVG + PNG) and a self-contained report.html.
 */
final class SearchFiles {

    private final Path dir;
    private final String title;
    private final String intro;
    private final Map<String, String> numbers = new LinkedHashMap<>();
    private final List<String[]> figures = new ArrayList<>();
    private final List<VariantSpec> specs = new ArrayList<>();
    private String table = "";

    SearchFiles(Path dir, String title, String intro) {
        this.dir = dir;
        this.title = title;
        this.intro = intro;
    }

    /** A key number for the report's first table. */
    SearchFiles number(String name, String value) {
        numbers.put(name, value);
        return this;
    }

    /** Writes a plot to plots/{@code base}.svg/.png and shows it in the report. */
    SearchFiles figure(JFreeChart chart, String base, String caption) throws IOException {
        String safe = Html.id(base);
        String svg = ChartFiles.write(chart, dir.resolve(ReportBuilder.PLOTS), safe);
        figures.add(new String[] {caption, svg, ReportBuilder.PLOTS + "/" + safe});
        return this;
    }

    /** A model to record in provenance.json (name, spec JSON, summary). */
    SearchFiles spec(String name, ModelSpec spec) {
        specs.add(new VariantSpec(name, spec.toJson(), spec.summary()));
        return this;
    }

    /** A fixed-width text table shown in the report (e.g. the trials, best first). */
    SearchFiles table(String text) {
        this.table = text;
        return this;
    }

    /**
     * Writes results.json (marked {@value ReportBuilder#OWN_REPORT}, so {@code fluentdl report} keeps this
     * report), metrics.csv, provenance.json and report.html.
     */
    void write(Map<String, Object> results, List<List<String>> csv, RunContext context, Instant start)
            throws IOException {
        Map<String, Object> marked = new LinkedHashMap<>(results);
        marked.put(ReportBuilder.OWN_REPORT, true);
        Provenance provenance = writeData(marked, csv, context, start);
        AtomicFiles.writeString(RunFiles.report(dir), html(Json.MAPPER.writeValueAsString(provenance)));
    }

    /** Writes results.json, metrics.csv and provenance.json only (the report is built from them elsewhere). */
    Provenance writeData(Map<String, Object> results, List<List<String>> csv, RunContext context, Instant start)
            throws IOException {
        Json.write(RunFiles.results(dir), results);
        StringBuilder sb = new StringBuilder();
        for (List<String> row : csv) {
            sb.append(String.join(",", row)).append('\n');
        }
        AtomicFiles.writeString(RunFiles.metrics(dir), sb.toString());
        Provenance provenance = ProvenanceCollector.collect(title, context, new ExperimentOutput(null, specs), start,
                Instant.now());
        Json.write(RunFiles.provenance(dir), provenance);
        return provenance;
    }

    private String html(String provenanceJson) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title><style>body{font-family:sans-serif;max-width:960px;margin:2em auto;}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}"
                        + "pre{background:#f6f6f6;padding:8px;overflow-x:auto;font-size:12px}</style></head><body>\n");
        h.append("<h1>").append(escape(title)).append("</h1>\n<p>").append(escape(intro)).append("</p>\n<table>\n");
        numbers.forEach((k, v) -> h.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(v))
                .append("</td></tr>\n"));
        h.append("</table>\n");
        for (String[] f : figures) {
            h.append("<figure>").append(f[1]).append("<figcaption>").append(escape(f[0])).append(" (<a href=\"")
                    .append(Html.url(f[2] + ".svg")).append("\">svg</a>, <a href=\"").append(Html.url(f[2] + ".png"))
                    .append("\">png</a>)")
                    .append("</figcaption></figure>\n");
        }
        if (!table.isEmpty()) {
            h.append("<h2>Trials</h2>\n<pre>").append(escape(table)).append("</pre>\n");
        }
        h.append("<h2>Provenance</h2>\n<pre>").append(escape(provenanceJson)).append("</pre>\n</body></html>\n");
        return h.toString();
    }

    private static String escape(String s) {
        return Html.escape(s);
    }
}
