package io.fluentdl.train;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.nn.Names;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A per-epoch number of {@link EpochMetrics}, under the name Keras' {@code History} gives it
 * ({@code loss}, {@code accuracy}, {@code val_loss}, {@code val_accuracy}), with the direction that is better.
 *
 * <p>Callbacks watch one ({@code monitor}), a search scores trials by one ({@code objective}), and
 * reports, studies and sweep files name them by {@link #key()}. Each user of a metric keeps its own
 * option for the direction (the callbacks' {@code Mode}, the search's {@code Goal}); its default is
 * {@link #largerIsBetter()}. Loss and accuracy are always measured; the others ({@link #AUC},
 * {@link #PRECISION}, {@link #MAE}, ...) when the model chooses them with {@code metrics(...)}, as in
 * Keras' {@code compile(metrics=[...])}: each then appears for training and, with validation data, as
 * {@code val_...}.
 *
 * <pre>{@code
 * EarlyStopping.monitor(Metric.VAL_LOSS)                                  // Keras: monitor="val_loss"
 * TrainingObjective.on(train, validation).metric(Metric.VAL_ACCURACY)    // maximised
 * Metric.parse("val_loss").largerIsBetter()                              // false
 * }</pre>
 */
public enum Metric {
    /** Mean loss on the training set (measured after the epoch), Keras' {@code loss}; smaller is better. */
    LOSS("loss", false),
    /** Fraction correct on the training set (measured after the epoch), Keras' {@code accuracy}; larger is better. */
    ACCURACY("accuracy", true),
    /** Mean loss on the validation set, Keras' {@code val_loss}; smaller is better. */
    VAL_LOSS("val_loss", false),
    /** Fraction correct on the validation set, Keras' {@code val_accuracy}; larger is better. */
    VAL_ACCURACY("val_accuracy", true),
    /** Area under the ROC curve (macro over classes or labels), Keras' {@code AUC}; chosen with {@code metrics(...)}. */
    AUC("auc", true),
    VAL_AUC("val_auc", true),
    /** Precision (of class 1 for a binary output, else the macro average), Keras' {@code Precision}. */
    PRECISION("precision", true),
    VAL_PRECISION("val_precision", true),
    /** Recall (of class 1 for a binary output, else the macro average), Keras' {@code Recall}. */
    RECALL("recall", true),
    VAL_RECALL("val_recall", true),
    /** F1 (of class 1 for a binary output, else the macro average), Keras' {@code F1Score}. */
    F1("f1", true),
    VAL_F1("val_f1", true),
    /** Mean absolute error of a regression output, Keras' {@code mae}. */
    MAE("mae", false),
    VAL_MAE("val_mae", false),
    /** Mean squared error of a regression output, Keras' {@code mse}. */
    MSE("mse", false),
    VAL_MSE("val_mse", false),
    /** Root mean squared error of a regression output, Keras' {@code RootMeanSquaredError}. */
    RMSE("rmse", false),
    VAL_RMSE("val_rmse", false),
    /** R² of a regression output (mean over columns), Keras' {@code R2Score}. */
    R2("r2", true),
    VAL_R2("val_r2", true),
    /** Fraction of examples with every label right, for a multi-label output. */
    EXACT_MATCH("exact_match", true),
    VAL_EXACT_MATCH("val_exact_match", true);

    private final String key;
    private final boolean largerIsBetter;

    Metric(String key, boolean largerIsBetter) {
        this.key = key;
        this.largerIsBetter = largerIsBetter;
    }

    /** Keras' name, used in reports, studies and sweep files, e.g. {@code val_accuracy}. */
    public String key() {
        return key;
    }

    /** True for accuracies, false for losses. */
    public boolean largerIsBetter() {
        return largerIsBetter;
    }

    /** Whether it is measured on validation data, so {@code fit} needs some. */
    public boolean needsValidation() {
        return key.startsWith("val_");
    }

    /** Whether {@code fit} always measures it (loss and accuracy) rather than only when chosen with {@code metrics(...)}. */
    public boolean isStandard() {
        return ordinal() <= VAL_ACCURACY.ordinal();
    }

    /** The training-set metric of the same name ({@code val_auc} → {@code auc}). */
    public Metric onTraining() {
        return needsValidation() ? parse(key.substring("val_".length())) : this;
    }

    /** The validation-set metric of the same name ({@code auc} → {@code val_auc}). */
    public Metric onValidation() {
        return needsValidation() ? this : parse("val_" + key);
    }

    /** This metric's value in {@code m} (NaN for a validation metric when fit had no validation data). */
    public double of(EpochMetrics m) {
        return switch (this) {
            case LOSS -> m.trainLoss();
            case ACCURACY -> m.trainAccuracy();
            case VAL_LOSS -> m.validationLoss();
            case VAL_ACCURACY -> m.validationAccuracy();
            default -> m.metrics().getOrDefault(key, Double.NaN);
        };
    }

    /**
     * Every metric of {@code m} by key: loss and accuracy (validation ones only when there was
     * validation data), then those chosen with {@code metrics(...)}, in declaration order.
     */
    public static Map<String, Double> all(EpochMetrics m) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metric metric : values()) {
            boolean measured = metric.isStandard() ? !metric.needsValidation() || m.hasValidation()
                    : m.metrics().containsKey(metric.key);
            if (measured) {
                out.put(metric.key, metric.of(m));
            }
        }
        return out;
    }

    /** The keys of every metric, in declaration order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Metric::key).toList();
    }

    /** The keys of the metrics every fit measures: loss, accuracy, val_loss, val_accuracy. */
    public static List<String> standardKeys() {
        return Arrays.stream(values()).filter(Metric::isStandard).map(Metric::key).toList();
    }

    /**
     * The metric named {@code key} ({@code val_accuracy}; case and '-' vs '_' do not matter).
     *
     * @throws InvalidConfigException listing the known names, with the closest one
     */
    public static Metric parse(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Metric m : values()) {
            if (m.key.equals(k)) {
                return m;
            }
        }
        String near = Names.closest(k, keys());
        throw InvalidConfigException.of("Metric", "metric", key, String.format("unknown metric '%s'. Expected one of: %s",
                key, String.join(", ", keys())), near == null ? "" : String.format("Did you mean '%s'?", near));
    }

    /** The key, so messages read {@code monitor=val_loss} as in Keras. */
    @Override
    public String toString() {
        return key;
    }
}
