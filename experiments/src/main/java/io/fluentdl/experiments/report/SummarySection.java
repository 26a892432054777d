package io.fluentdl.experiments.report;

import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.TrainTest;
import io.fluentdl.experiments.results.VariantResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The summary section of an experiment's report: final accuracy (mean &plusmn; std over seeds) and
 * epochs to 80% per variant beside the published reference, and the variants' further metrics.
 */
final class SummarySection {

    private SummarySection() {
    }

    static void render(StringBuilder html, Results results) {
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

}
