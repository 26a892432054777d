package io.fluentdl.experiments.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code metrics.csv}: one row per variant x seed x epoch, derived from {@link Results} so that it
 * always agrees with {@code results.json}. Columns: variant, seed, epoch (1-based), train_loss,
 * train_acc, test_loss, test_acc.
 */
public final class MetricsCsv {

    public static final String HEADER = "variant,seed,epoch,train_loss,train_acc,test_loss,test_acc";

    private MetricsCsv() {
    }

    /** The CSV text for {@code results}. */
    public static String render(Results results) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (VariantResult variant : results.variants()) {
            for (SeedRun run : variant.runs()) {
                for (int i = 0; i < run.epochs(); i++) {
                    csv.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%s,%s,%s\n", variant.name(), run.seed(), i + 1,
                            number(run.trainLoss().get(i)), number(run.trainAccuracy().get(i)),
                            number(run.testLoss().get(i)), number(run.testAccuracy().get(i))));
                }
            }
        }
        return csv.toString();
    }

    /** Writes {@code metrics.csv} into {@code runDir}, atomically. */
    public static void write(Path runDir, Results results) throws IOException {
        AtomicFiles.writeString(RunFiles.metrics(runDir), render(results));
    }

    /** Shortest text that reads back to the same double. */
    private static String number(double value) {
        return Double.toString(value);
    }
}
