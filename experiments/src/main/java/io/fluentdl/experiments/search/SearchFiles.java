package io.fluentdl.experiments.search;

import io.fluentdl.ModelSpec;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.report.ReportBuilder;
import io.fluentdl.experiments.results.AtomicFiles;
import io.fluentdl.experiments.results.ExperimentOutput;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.Provenance;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.results.VariantSpec;
import io.fluentdl.experiments.runtime.ProvenanceCollector;
import io.fluentdl.search.Importance;
import io.fluentdl.search.SearchResult;
import io.fluentdl.search.TrialResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a search experiment's folder with the run files' names ({@link RunFiles}): results.json,
 * metrics.csv, provenance.json, then report.html and plots/ through the report pipeline
 * ({@link ReportBuilder}), which reads what the page needs from results.json's {@code "report"} block:
 * the key numbers, the figures, and each search as a search results contract. {@code fluentdl report}
 * rebuilds the same page from the folder.
 */
final class SearchFiles {

    private final Path dir;
    private final String title;
    private final String intro;
    private final Map<String, String> numbers = new LinkedHashMap<>();
    private final List<Map<String, Object>> figures = new ArrayList<>();
    private final List<Map<String, Object>> searches = new ArrayList<>();
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

    /** Overlaid histograms of draws per bin over [from, to] of {@code axis}, one series per scale. */
    SearchFiles histogram(String name, String caption, String chartTitle, String axis, double from, double to,
                          Map<String, int[]> counts) {
        Map<String, Object> f = figure("histogram", name, caption);
        f.put("title", chartTitle);
        f.put("axis", axis);
        f.put("from", from);
        f.put("to", to);
        f.put("series", counts);
        return this;
    }

    /** The best {@code metric} so far against epochs spent, one line per named search (see {@link #search}). */
    SearchFiles bestSoFar(String name, String caption, String metric, List<String> searchNames) {
        Map<String, Object> f = figure("best_so_far", name, caption);
        f.put("metric", metric);
        f.put("searches", searchNames);
        return this;
    }

    /** A search the page shows (trials, parallel coordinates, score against each parameter, importance). */
    SearchFiles search(String name, String metric, SearchResult<?> result) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("search", name);
        s.put("metric", metric);
        s.put("goal", result.goal().name().toLowerCase(java.util.Locale.ROOT));
        s.put("space", SweepRunner.space(result.space()));
        List<Map<String, Object>> importance = new ArrayList<>();
        for (Importance i : result.importance()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", i.name());
            m.put("share", i.share());
            m.put("spearman", i.spearman());
            importance.add(m);
        }
        s.put("importance", importance);
        List<Map<String, Object>> trials = new ArrayList<>();
        for (TrialResult t : result.trials()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", t.number());
            m.put("round", t.round());
            m.put("status", t.status().name());
            m.put("score", t.score());
            m.put("params", SweepRunner.plain(t.params()));
            m.put("epochs", t.epochCount());
            m.put("seconds", t.millis() / 1000.0);
            trials.add(m);
        }
        s.put("trials", trials);
        searches.add(s);
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

    /** Writes results.json (with the {@code "report"} block), metrics.csv, provenance.json, then the report. */
    void write(Map<String, Object> results, List<List<String>> csv, RunContext context, Instant start)
            throws IOException {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", title);
        page.put("intro", intro);
        page.put("numbers", numbers);
        page.put("figures", figures);
        page.put("searches", searches);
        page.put("table", table);
        Map<String, Object> withPage = new LinkedHashMap<>(results);
        withPage.put("report", page);
        writeData(withPage, csv, context, start);
        ReportBuilder.build(dir);
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

    private Map<String, Object> figure(String kind, String name, String caption) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", kind);
        f.put("name", name);
        f.put("caption", caption);
        figures.add(f);
        return f;
    }
}
