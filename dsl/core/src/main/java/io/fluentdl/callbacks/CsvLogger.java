package io.fluentdl.callbacks;

import io.fluentdl.errors.Check;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.Metric;
import io.fluentdl.train.TrainingControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one CSV row per epoch, Keras' {@code CSVLogger}: {@code epoch}, then every metric of the
 * epoch by its Keras key ({@code loss, accuracy, val_loss, val_accuracy}, then those chosen with
 * {@code metrics(...)}), then {@code learning_rate}. Each row is written (and flushed) when its epoch
 * ends, so a crashed run keeps what it trained.
 *
 * <pre>{@code
 * model.fit(train, 20, 128, validation, CsvLogger.to(Path.of("training.csv")));
 * model.fit(train, 5, 128, validation, CsvLogger.to(path).append(true));   // continue the same file
 * }</pre>
 * Epochs are numbered from 1 within each fit, as {@code History} numbers them.
 */
public final class CsvLogger implements Callback {

    private final Path file;
    private final boolean append;
    private List<String> columns;

    private CsvLogger(Path file, boolean append) {
        this.file = file;
        this.append = append;
    }

    /** A logger that (re)writes {@code file} at the start of each fit. */
    public static CsvLogger to(Path file) {
        return new CsvLogger(Check.notNull("CsvLogger", "file", file), false);
    }

    /** Append to an existing file (its header is kept) instead of overwriting it, Keras' {@code append=True}. */
    public CsvLogger append(boolean append) {
        return new CsvLogger(file, append);
    }

    @Override
    public void onTrainBegin(TrainingControl control) {
        columns = null;
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (!append) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("CsvLogger: cannot write %s", file), e);
        }
    }

    @Override
    public void onEpochEnd(int epoch, EpochMetrics metrics, TrainingControl control) {
        Map<String, Double> values = Metric.all(metrics);
        StringBuilder out = new StringBuilder();
        if (columns == null) {
            columns = new ArrayList<>(values.keySet());
            if (!Files.exists(file) || sizeOf(file) == 0) {
                out.append("epoch,").append(String.join(",", columns)).append(",learning_rate\n");
            }
        }
        out.append(metrics.epoch());
        for (String column : columns) {
            out.append(',').append(format(values.getOrDefault(column, Double.NaN)));
        }
        out.append(',').append(format(metrics.learningRate())).append('\n');
        try {
            Files.writeString(file, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("CsvLogger: cannot write %s", file), e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%s", value);
    }
}
