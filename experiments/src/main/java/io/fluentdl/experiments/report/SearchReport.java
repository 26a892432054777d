package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
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
        SearchSections.Drawn drawn = SearchSections.draw(data, runDir, "");
        Path report = RunFiles.report(runDir);
        AtomicFiles.writeString(report, render(drawn, Files.exists(RunFiles.provenance(runDir)), TrialRunsSection.runs(runDir)));
        return report;
    }

    private static String render(SearchSections.Drawn drawn, boolean hasProvenance, List<Run> trialRuns) {
        SearchData data = drawn.data();
        StringBuilder html = new StringBuilder();
        long complete = data.trials().stream().filter(Trial::complete).count();
        String best = data.best().map(b -> String.format(Locale.ROOT, " &middot; best: trial %d, %s = %s", b.number(),
                Html.escape(data.metric()), HistogramFigure.number(b.score()))).orElse("");
        List<Page.Section> sections = new ArrayList<>(drawn.nav(""));
        if (!trialRuns.isEmpty()) {
            sections.add(1, new Page.Section(TrialRunsSection.ID, "Tracked runs"));
        }
        html.append(Page.open(data.name(), String.format(Locale.ROOT,
                "search &middot; %1$d trials (%2$d complete) &middot; %3$s %4$s%5$s &middot; files: <a href=\"%6$s\">%6$s</a>%7$s",
                data.trials().size(), complete, data.maximize() ? "maximize" : "minimize", Html.escape(data.metric()),
                best, RunFiles.RESULTS, hasProvenance
                        ? String.format(", <a href=\"%s\">%s</a>", RunFiles.PROVENANCE, RunFiles.PROVENANCE) : ""),
                sections));
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
        html.append(SearchSections.html(drawn, "", TrialRunsSection.render(trialRuns)));
        html.append(Page.closeWithCharts());
        return html.toString();
    }
}
