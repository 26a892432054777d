package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.RunFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The {@code report.html} of a folder of run folders: one row per experiment or search, linking its report. */
final class IndexPage {

    private IndexPage() {
    }

    static String render(Path dir, List<Path> runDirs) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append(Page.open("FluentDL results", String.format("%d reports in %s", runDirs.size(),
                Html.escape(dir.toAbsolutePath().normalize().toString())), List.of(new Page.Section("reports", "Reports"))));
        HtmlTable table = new HtmlTable("reports").column("report", false).column("kind", false)
                .column("runs or trials", true).column("epochs", true).column("best", false);
        for (Path runDir : runDirs) {
            JsonNode tree = Json.MAPPER.readTree(RunFiles.results(runDir).toFile());
            String name = runDir.getFileName().toString();
            HtmlTable.Cell link = HtmlTable.Cell.html(String.format("<a href=\"%s\">%s</a>", Html.url(name, RunFiles.REPORT),
                    Html.escape(name)), name);
            if (SearchData.isSearch(tree)) {
                SearchData data = SearchData.parse(tree);
                table.row(List.of(link, HtmlTable.Cell.text("search"),
                        HtmlTable.Cell.number((double) data.trials().size(), Integer.toString(data.trials().size())),
                        HtmlTable.Cell.number(null, ""),
                        HtmlTable.Cell.text(data.best().map(b -> String.format(Locale.ROOT, "%s %s (trial %d)",
                                data.metric(), HistogramFigure.number(b.score()), b.number())).orElse(""))));
            } else {
                int units = 0;
                String best = "";
                double bestTest = Double.NEGATIVE_INFINITY;
                for (JsonNode v : tree.path("variants")) {
                    units += v.path("runs").size();
                    double test = v.path("testAccuracy").path("mean").asDouble(Double.NaN);
                    if (test > bestTest) {
                        bestTest = test;
                        best = String.format(Locale.ROOT, "%s: test acc %.3f", v.path("name").asText(), test);
                    }
                }
                table.row(List.of(link, HtmlTable.Cell.text("experiment"),
                        HtmlTable.Cell.number((double) units, Integer.toString(units)),
                        HtmlTable.Cell.number(tree.path("epochs").asDouble(), tree.path("epochs").asText()),
                        HtmlTable.Cell.text(best)));
            }
        }
        html.append("<section id=\"reports\">\n<h2>Reports</h2>\n").append(table.render()).append("</section>\n");
        html.append(Page.close());
        return html.toString();
    }
}
