package io.fluentdl.experiments.report;

import io.fluentdl.track.Run;
import io.fluentdl.track.RunFiles;
import io.fluentdl.track.RunIndex;
import io.fluentdl.track.RunQuery;
import io.fluentdl.track.TrackedTrials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The tracked runs of a search's trials ({@link TrackedTrials}: {@code runs/} and {@code runs.db} beside
 * results.json), one row per trial of every study in the folder: study, trial, status, score, epochs,
 * seconds, worker and a link to the run. A folder without tracked trials shows nothing.
 */
final class TrialRunsSection {

    static final String ID = "trial-runs";

    private TrialRunsSection() {
    }

    /** The folder's tracked trials, by study then trial number; empty when it has none. */
    static List<Run> runs(Path dir) {
        if (!Files.isDirectory(dir.resolve(RunFiles.RUNS))) {
            return List.of();
        }
        RunIndex index = RunIndex.at(dir);
        index.rebuild();
        List<Run> trials = new ArrayList<>(index.query(RunQuery.any()).stream()
                .filter(r -> r.tags().contains(TrackedTrials.studyTag(r.experiment()))).toList());
        trials.sort(Comparator.comparing(Run::experiment).thenComparingInt(r -> r.config().path("trial").asInt()));
        return trials;
    }

    /** The section, or "" without tracked trials. */
    static String render(List<Run> runs) {
        if (runs.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(String.format("<section id=\"%s\">%n<h2>Tracked runs</h2>%n<p class=\"note\">"
                + "Each trial is a tracked run (run.json, metrics.jsonl with every epoch it reported, a row in runs.db), "
                + "tagged study:, trial: and worker:; click a header to sort.</p>%n", ID));
        HtmlTable table = new HtmlTable("trial-runs-table").column("study", false).column("trial", true)
                .column("status", false).column("score", true).column("epochs", true).column("seconds", true)
                .column("worker", false).column("run", false);
        for (Run r : runs) {
            Double score = r.summary().get(TrackedTrials.SCORE);
            Double epochs = r.summary().get("epochs");
            Double seconds = r.summary().get("run_seconds");
            int trial = r.config().path("trial").asInt();
            table.row(List.of(HtmlTable.Cell.text(r.experiment()),
                    HtmlTable.Cell.number((double) trial, Integer.toString(trial)),
                    HtmlTable.Cell.html(String.format("<span class=\"status %s\">%s</span>", Html.escape(r.status().name()),
                            Html.escape(r.status().name())), r.status().name()),
                    HtmlTable.Cell.number(score, score == null ? "" : HistogramFigure.number(score)),
                    HtmlTable.Cell.number(epochs, epochs == null ? "" : String.format(Locale.ROOT, "%.0f", epochs)),
                    HtmlTable.Cell.number(seconds, seconds == null ? "" : String.format(Locale.ROOT, "%.1f", seconds)),
                    HtmlTable.Cell.text(r.config().path("worker").asText()),
                    HtmlTable.Cell.html(String.format("<a href=\"%s\">%s</a>", Html.url(TrackedRuns.link(r)),
                            Html.escape(r.id())), r.id())));
        }
        return html.append(table.render()).append("</section>\n").toString();
    }
}
