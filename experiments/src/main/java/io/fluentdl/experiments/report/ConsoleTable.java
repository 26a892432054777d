package io.fluentdl.experiments.report;

import io.fluentdl.experiments.results.EpochsTo80;
import io.fluentdl.experiments.results.MeanStd;
import io.fluentdl.experiments.results.ParamCounts;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.Stat;
import io.fluentdl.experiments.results.TrainTest;
import io.fluentdl.experiments.results.VariantResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table a run ends with: one row per variant with params, final train/test accuracy (mean ± std
 * over seeds), epochs to 80% test accuracy and the published reference.
 */
public final class ConsoleTable {

    private static final String[] HEADER = {"variant", "params", "train acc", "test acc", "epochs to 80%",
            "reference train/test"};

    private ConsoleTable() {
    }

    /**
     * The whole table, with a title line and a footnote, ready to print. Variants' further metrics
     * ({@link VariantResult#metrics()}) follow as more columns, each with a reference column where the
     * reference has that metric.
     */
    public static String render(Results results) {
        List<String> metrics = new ArrayList<>();
        results.variants().forEach(v -> v.metrics().keySet().stream().filter(m -> !metrics.contains(m)).forEach(metrics::add));
        List<String> referenced = metrics.stream().filter(m -> results.reference().others().values().stream()
                .anyMatch(values -> values.containsKey(m))).toList();
        List<String> header = new ArrayList<>(List.of(HEADER));
        for (String m : metrics) {
            header.add(m);
            if (referenced.contains(m)) {
                header.add("ref " + m);
            }
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(header.toArray(String[]::new));
        for (VariantResult v : results.variants()) {
            List<String> row = new ArrayList<>(List.of(v.name(), params(v.params()), meanStd(v.trainAccuracy()),
                    meanStd(v.testAccuracy()), epochsTo80(v.epochsTo80()),
                    reference(results.reference().of(v.name()).orElse(null))));
            for (String m : metrics) {
                row.add(v.metrics().containsKey(m) ? stat(v.metrics().get(m)) : "-");
                if (referenced.contains(m)) {
                    row.add(results.reference().value(v.name(), m).map(ConsoleTable::number).orElse("-"));
                }
            }
            rows.add(row.toArray(String[]::new));
        }
        int[] widths = new int[header.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s%s: %d seed%s %s, %d epochs; accuracy after the last epoch, mean ± std over seeds%n",
                results.experiment(), results.dataset() == null ? "" : String.format(" on %s", results.dataset().name()),
                results.seeds().size(), results.seeds().size() == 1 ? "" : "s",
                results.seeds(), results.epochs()));
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = i == 0 ? pad(row[i], widths[i]) : padLeft(row[i], widths[i]);
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                out.append("-".repeat(line.length())).append('\n');
            }
        }
        out.append(String.format("params: total (non-trainable); epochs to 80%%: first epoch with test accuracy >= %.2f,"
                + " mean over seeds; n/a (k never) when k seeds never reached it.%n", EpochsTo80.THRESHOLD));
        if (!results.reference().source().isEmpty()) {
            out.append(String.format("reference: %s%n", results.reference().source()));
        }
        return out.toString();
    }

    static String params(ParamCounts p) {
        return p.nonTrainable() == 0 ? Long.toString(p.total())
                : String.format("%d (%d)", p.total(), p.nonTrainable());
    }

    static String meanStd(MeanStd m) {
        return String.format(Locale.ROOT, "%.3f ± %.3f", m.mean(), m.std());
    }

    /** mean ± std, with "(k none)" when k seeds have no value, "n/a" when none has. */
    static String stat(Stat s) {
        if (s.mean() == null) {
            return String.format("n/a (%d none)", s.missing());
        }
        String text = String.format(Locale.ROOT, "%s ± %s", number(s.mean()), number(s.std()));
        return s.missing() == 0 ? text : String.format("%s (%d none)", text, s.missing());
    }

    /** Three decimals below 100, one above (epochs, seconds). */
    static String number(double x) {
        return Math.abs(x) >= 100 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%.3f", x);
    }

    static String epochsTo80(EpochsTo80 e) {
        if (e.neverReached() > 0) {
            return String.format("n/a (%d never)", e.neverReached());
        }
        return String.format(Locale.ROOT, "%.1f", e.mean());
    }

    static String reference(TrainTest t) {
        return t == null ? "-" : String.format(Locale.ROOT, "%.3f / %.3f", t.train(), t.test());
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }
}
