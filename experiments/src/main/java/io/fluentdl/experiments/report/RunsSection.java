package io.fluentdl.experiments.report;

import io.fluentdl.experiments.results.Provenance;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.SeedRun;
import io.fluentdl.experiments.results.VariantResult;
import io.fluentdl.track.Run;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runs section of an experiment's report: one row per variant and seed (status of its tracked run,
 * final metrics, epochs to 80%, seconds, params, the settings that differ between variants, a link to
 * the run), and the runs that did not finish.
 */
final class RunsSection {

    private RunsSection() {
    }

    static void render(StringBuilder html, Results results, Optional<Provenance> provenance,
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

}
