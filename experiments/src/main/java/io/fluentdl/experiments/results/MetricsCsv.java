package io.fluentdl.experiments.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code metrics.csv}: one row per variant x seed x epoch, derived from {@link Results} so that it
 * always agrees with {@code results.json}. Columns: variant, seed, epoch (1-based), train_loss,
 * train_acc, test_loss, test_acc, and {@code learning_rate} last when the runs record it
 * ({@link SeedRun#learningRate()}; a run without one leaves the cell empty).
 */
public final class MetricsCsv {

    public static final String HEADER = "variant,seed,epoch,train_loss,train_acc,test_loss,test_acc";
    /** The column added when any run records its learning rate. */
    public static final String LEARNING_RATE = "learning_rate";

    private MetricsCsv() {
    }

    /** The CSV text for {@code results}. */
    public static String render(Results results) {
        boolean rates = results.variants().stream().flatMap(v -> v.runs().stream()).anyMatch(r -> r.learningRate() != null);
        StringBuilder csv = new StringBuilder(HEADER).append(rates ? "," + LEARNING_RATE : "").append('\n');
        for (VariantResult variant : results.variants()) {
            for (SeedRun run : variant.runs()) {
                for (int i = 0; i < run.epochs(); i++) {
                    csv.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%s,%s,%s", variant.name(), run.seed(), i + 1,
                            number(run.trainLoss().get(i)), number(run.trainAccuracy().get(i)),
                            number(run.testLoss().get(i)), number(run.testAccuracy().get(i))));
                    if (rates) {
                        csv.append(',').append(run.learningRate() == null ? "" : number(run.learningRate().get(i)));
                    }
                    csv.append('\n');
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
