package io.fluentdl.experiments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.results.Json;
import io.fluentdl.experiments.results.Provenance;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.results.SeedRun;
import io.fluentdl.experiments.results.TrainTest;
import io.fluentdl.experiments.results.VariantResult;
import io.fluentdl.track.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders an experiment's {@code report.html}: one self-contained page (inline CSS, SVG and images,
 * a tiny inline script that sorts tables, no network) with the runs table, the summary against the
 * reference, learning curves, final accuracies, histograms over time, each variant's summary and
 * the provenance.
 */
final class ReportHtml {

    /** A chart: caption, inline SVG element, and the base path of its files (no extension). */
    record Figure(String caption, String svg, String file) {
    }

    /** A raster figure inlined as a data URL (histogram small multiples). */
    record Image(String title, String caption, String dataUrl, String file, int width) {
    }

    /** Everything drawn for the page. */
    record Figures(Figure overview, Figure finalAccuracy, List<Figure> perVariant, List<Image> histograms,
                   List<Figure> extra) {
        /** Without the plots that results.json's {@code plots} asks for. */
        Figures(Figure overview, Figure finalAccuracy, List<Figure> perVariant, List<Image> histograms) {
            this(overview, finalAccuracy, perVariant, histograms, List.of());
        }
    }

    private ReportHtml() {
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
        runs(html, results, provenance, tracked);
        summary(html, results);
        html.append("<section id=\"curves\">\n<h2>Learning curves</h2>\n");
        figure(html, figures.overview());
        figures.extra().forEach(f -> figure(html, f));
        html.append("<div class=\"grid\">\n");
        figures.perVariant().forEach(f -> figure(html, f));
        html.append("</div>\n</section>\n");
        html.append("<section id=\"final\">\n<h2>Final accuracy against the reference</h2>\n");
        figure(html, figures.finalAccuracy());
        html.append("</section>\n");
        histograms(html, figures.histograms(), tracked.isPresent());
        summaries(html, provenance);
        provenance(html, provenance);
        html.append(Page.close());
        return html.toString();
    }

    /** {@code 2026-11-22T02:34:51.477Z} as {@code 2026-11-22 02:34:51 UTC}. */
    private static String shortTime(String instant) {
        return instant != null && instant.length() >= 19 ? instant.substring(0, 10) + " " + instant.substring(11, 19) + " UTC"
                : String.valueOf(instant);
    }

    private static void runs(StringBuilder html, Results results, Optional<Provenance> provenance,
                             Optional<TrackedRuns> tracked) {
        html.append("<section id=\"runs-section\">\n<h2>Runs</h2>\n");
        html.append("<p class=\"note\">One row per variant and seed; click a header to sort. Config columns are "
                + "the settings that differ between variants. Metrics after the last epoch; the test split is the "
                + "validation data of training.</p>\n");
        Map<String, Map<String, String>> config = ConfigColumns.of(provenance.map(Provenance::variants).orElse(List.of()));
        Set<String> keys = new LinkedHashSet<>();
        config.values().forEach(m -> keys.addAll(m.keySet()));
        HtmlTable table = new HtmlTable("runs").column("variant", false).column("seed", true).column("status", false)
                .column("test acc", true).column("train acc", true).column("test loss", true).column("train loss", true)
                .column("epochs to 80%", true).column("seconds", true).column("params", true);
        keys.forEach(k -> table.column(k, false));
        table.column("run", false);
        for (VariantResult v : results.variants()) {
            for (SeedRun run : v.runs()) {
                Optional<Run> t = tracked.flatMap(tr -> tr.unit(v.name(), run.seed()));
                List<HtmlTable.Cell> cells = new ArrayList<>();
                cells.add(HtmlTable.Cell.text(v.name()));
                cells.add(HtmlTable.Cell.number((double) run.seed(), Long.toString(run.seed())));
                cells.add(status(t.map(r -> r.status().name()).orElse("none"), t.isPresent() ? null : "not tracked"));
                cells.add(num(run.finalTestAccuracy()));
                cells.add(num(run.finalTrainAccuracy()));
                cells.add(num(run.testLoss().get(run.epochs() - 1)));
                cells.add(num(run.trainLoss().get(run.epochs() - 1)));
                int e80 = run.firstEpochReaching(io.fluentdl.experiments.results.EpochsTo80.THRESHOLD);
                cells.add(e80 > 0 ? HtmlTable.Cell.number((double) e80, Integer.toString(e80))
                        : new HtmlTable.Cell("never", Double.toString(Double.MAX_VALUE), true));
                Double seconds = t.map(r -> r.summary().get("run_seconds")).orElse(null);
                cells.add(HtmlTable.Cell.number(seconds, seconds == null ? "" : String.format(Locale.ROOT, "%.1f", seconds)));
                cells.add(HtmlTable.Cell.number((double) v.params().total(), Long.toString(v.params().total())));
                keys.forEach(k -> cells.add(HtmlTable.Cell.text(config.getOrDefault(v.name(), Map.of()).getOrDefault(k, ""))));
                cells.add(t.map(r -> HtmlTable.Cell.html(String.format("<a href=\"%s\">%s</a>",
                        Html.url(TrackedRuns.link(r)), Html.escape(r.id())), r.id())).orElse(HtmlTable.Cell.text("")));
                table.row(cells);
            }
        }
        html.append(table.render());
        tracked.ifPresent(t -> unfinished(html, t));
        html.append("</section>\n");
    }

    private static void unfinished(StringBuilder html, TrackedRuns tracked) {
        if (tracked.unfinished().isEmpty()) {
            return;
        }
        html.append(String.format("<h3>Runs that did not finish (%d)</h3>%n<p class=\"note\">Kept as they were left: "
                + "a run killed midway reads as INTERRUPTED; <code>--resume</code> trains such units again.</p>%n",
                tracked.unfinished().size()));
        HtmlTable table = new HtmlTable("unfinished-runs").column("variant", false).column("seed", true)
                .column("epochs logged", true).column("status", false).column("why", false).column("run", false);
        for (Run r : tracked.unfinished()) {
            Double epochs = r.summary().get("epochs");
            table.row(List.of(HtmlTable.Cell.text(r.name()),
                    HtmlTable.Cell.number(r.seed() == null ? null : r.seed().doubleValue(), String.valueOf(r.seed())),
                    HtmlTable.Cell.number(epochs, epochs == null ? "" : String.format(Locale.ROOT, "%.0f", epochs)),
                    status(r.status().name(), null), HtmlTable.Cell.text(r.error() == null ? "" : r.error()),
                    HtmlTable.Cell.html(String.format("<a href=\"%s\">%s</a>", Html.url(TrackedRuns.link(r)),
                            Html.escape(r.id())), r.id())));
        }
        html.append(table.render());
    }

    private static HtmlTable.Cell status(String status, String label) {
        return HtmlTable.Cell.html(String.format("<span class=\"status %s\">%s</span>", Html.escape(status),
                Html.escape(label == null ? status : label)), status);
    }

    private static HtmlTable.Cell num(double v) {
        return HtmlTable.Cell.number(v, String.format(Locale.ROOT, "%.4f", v));
    }

    private static void summary(StringBuilder html, Results results) {
        html.append("<section id=\"summary\">\n<h2>Summary against the reference</h2>\n");
        html.append(String.format(Locale.ROOT, "<p class=\"note\">Accuracy after the last epoch, mean &plusmn; std over "
                + "%d seeds; epochs to 80%%: first epoch with test accuracy &ge; 0.80, mean over the seeds that reached it. "
                + "%s</p>%n", results.seeds().size(), results.reference().isEmpty()
                ? "No published reference for this experiment."
                : "Reference: " + Html.escape(results.reference().source()) + "."));
        HtmlTable table = new HtmlTable("reference").column("variant", false).column("params", true)
                .column("train acc", true).column("test acc", true).column("epochs to 80%", true)
                .column("reference train", true).column("reference test", true);
        for (VariantResult v : results.variants()) {
            Optional<TrainTest> ref = results.reference().of(v.name());
            table.row(List.of(HtmlTable.Cell.text(v.name()),
                    HtmlTable.Cell.number((double) v.params().total(), ConsoleTable.params(v.params())),
                    HtmlTable.Cell.number(v.trainAccuracy().mean(), ConsoleTable.meanStd(v.trainAccuracy())),
                    HtmlTable.Cell.number(v.testAccuracy().mean(), ConsoleTable.meanStd(v.testAccuracy())),
                    v.epochsTo80().mean() == null ? new HtmlTable.Cell(ConsoleTable.epochsTo80(v.epochsTo80()),
                            Double.toString(Double.MAX_VALUE), true)
                            : HtmlTable.Cell.number(v.epochsTo80().mean(), ConsoleTable.epochsTo80(v.epochsTo80())),
                    HtmlTable.Cell.number(ref.map(TrainTest::train).orElse(null),
                            ref.map(r -> String.format(Locale.ROOT, "%.3f", r.train())).orElse("")),
                    HtmlTable.Cell.number(ref.map(TrainTest::test).orElse(null),
                            ref.map(r -> String.format(Locale.ROOT, "%.3f", r.test())).orElse(""))));
        }
        html.append(table.render());
        metrics(html, results);
        html.append("</section>\n");
    }

    /** The variants' further metrics (results.json {@code metrics}), each beside its reference where there is one. */
    private static void metrics(StringBuilder html, Results results) {
        List<String> names = new ArrayList<>();
        results.variants().forEach(v -> v.metrics().keySet().stream().filter(m -> !names.contains(m)).forEach(names::add));
        if (names.isEmpty()) {
            return;
        }
        html.append("<p class=\"note\">More metrics, mean &plusmn; std over seeds (&ldquo;k none&rdquo;: seeds without a "
                + "value); a reference column follows each metric the reference has.</p>\n");
        HtmlTable table = new HtmlTable("metrics").column("variant", false).column("description", false);
        List<String> referenced = names.stream().filter(m -> results.reference().others().values().stream()
                .anyMatch(values -> values.containsKey(m))).toList();
        for (String m : names) {
            table.column(m, true);
            if (referenced.contains(m)) {
                table.column("reference " + m, true);
            }
        }
        for (VariantResult v : results.variants()) {
            List<HtmlTable.Cell> cells = new ArrayList<>();
            cells.add(HtmlTable.Cell.text(v.name()));
            cells.add(HtmlTable.Cell.text(v.description() == null ? "" : v.description()));
            for (String m : names) {
                io.fluentdl.experiments.results.Stat stat = v.metrics().get(m);
                cells.add(stat == null ? HtmlTable.Cell.text("") : HtmlTable.Cell.number(stat.mean(), ConsoleTable.stat(stat)));
                if (referenced.contains(m)) {
                    Optional<Double> ref = results.reference().value(v.name(), m);
                    cells.add(HtmlTable.Cell.number(ref.orElse(null), ref.map(ConsoleTable::number).orElse("")));
                }
            }
            table.row(cells);
        }
        html.append(table.render());
    }

    private static void figure(StringBuilder html, Figure figure) {
        html.append(String.format("<figure>%n%s%n<figcaption>%s (<a href=\"%s.svg\">SVG</a>, <a href=\"%s.png\">PNG</a>)"
                + "</figcaption>%n</figure>%n", figure.svg(), Html.escape(figure.caption()), Html.url(figure.file()),
                Html.url(figure.file())));
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
            html.append(String.format("<details%s><summary>%s</summary>%n<figure><img src=\"%s\" width=\"%d\" alt=\"%s\">"
                            + "%n<figcaption>%s (<a href=\"%s.svg\">SVG</a>, <a href=\"%s.png\">PNG</a>)</figcaption></figure>"
                            + "%n</details>%n", i < 2 ? " open" : "", Html.escape(im.title()), im.dataUrl(), im.width(),
                    Html.escape(im.caption()), Html.escape(im.caption()), Html.url(im.file()), Html.url(im.file())));
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

    /** The spec settings that differ between variants, flattened to {@code path = value}. */
    static final class ConfigColumns {

        private static final String LAYERS = "layers:";

        private ConfigColumns() {
        }

        static Map<String, Map<String, String>> of(List<Provenance.Variant> variants) {
            Map<String, Map<String, String>> flat = new LinkedHashMap<>();
            for (Provenance.Variant v : variants) {
                Map<String, String> leaves = new LinkedHashMap<>();
                v.spec().fields().forEachRemaining(e -> {
                    if (e.getKey().equals("layers")) {
                        // by layer name, not index: an inserted layer must not shift every later one
                        for (JsonNode layer : e.getValue()) {
                            String name = layer.path("name").asText();
                            leaves.put(LAYERS + name, layer.path("type").asText());
                            layer.fields().forEachRemaining(f -> flatten(LAYERS + name + "." + f.getKey(), f.getValue(), leaves));
                        }
                    } else {
                        flatten(e.getKey(), e.getValue(), leaves);
                    }
                });
                leaves.remove("name");
                leaves.remove("seed");
                flat.put(v.name(), leaves);
            }
            Set<String> all = new LinkedHashSet<>();
            flat.values().forEach(m -> all.addAll(m.keySet()));
            Set<String> varying = new LinkedHashSet<>();
            for (String key : all) {
                Set<String> values = new LinkedHashSet<>();
                // a layer's setting varies when it differs between the variants that have the layer
                boolean layerSetting = key.startsWith(LAYERS) && key.contains(".");
                flat.values().forEach(m -> {
                    if (!layerSetting || m.containsKey(key)) {
                        values.add(m.getOrDefault(key, ""));
                    }
                });
                if (values.size() > 1) {
                    varying.add(key);
                }
            }
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            flat.forEach((name, leaves) -> {
                Map<String, String> kept = new LinkedHashMap<>();
                StringBuilder layers = new StringBuilder();
                for (String k : varying) {
                    if (!k.startsWith(LAYERS)) {
                        kept.put(k, leaves.getOrDefault(k, ""));
                    }
                }
                // one "layers" column: each layer that differs somewhere, with its differing settings
                Map<String, List<String>> byLayer = new LinkedHashMap<>();
                for (String k : leaves.keySet()) {
                    if (k.startsWith(LAYERS) && !k.contains(".")) {
                        byLayer.put(k.substring(LAYERS.length()), new ArrayList<>());
                    }
                }
                for (String k : varying) {
                    int dot = k.indexOf('.');
                    if (k.startsWith(LAYERS) && dot > 0 && byLayer.containsKey(k.substring(LAYERS.length(), dot))
                            && !k.endsWith(".name") && !k.endsWith(".type") && !leaves.getOrDefault(k, "").isEmpty()) {
                        byLayer.get(k.substring(LAYERS.length(), dot)).add(k.substring(dot + 1) + "=" + leaves.get(k));
                    }
                }
                boolean layersVary = varying.stream().anyMatch(k -> k.startsWith(LAYERS));
                if (layersVary) {
                    byLayer.forEach((layer, settings) -> layers.append(layers.length() == 0 ? "" : " \u2192 ")
                            .append(layer).append(settings.isEmpty() ? "" : "(" + String.join(", ", settings) + ")"));
                    Map<String, String> withLayers = new LinkedHashMap<>();
                    withLayers.put("layers", layers.toString());
                    withLayers.putAll(kept);
                    kept = withLayers;
                }
                out.put(name, kept);
            });
            return out;
        }

        private static void flatten(String path, JsonNode node, Map<String, String> out) {
            if (node == null || node.isNull()) {
                return;
            }
            if (node.isObject()) {
                node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                        e.getValue(), out));
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    flatten(String.format("%s[%d]", path, i), node.get(i), out);
                }
            } else {
                out.put(path, node.asText());
            }
        }
    }
}
