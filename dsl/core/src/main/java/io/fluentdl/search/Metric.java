package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.nn.Names;
import io.fluentdl.train.EpochMetrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A per-epoch training metric a search can optimise, under the names Keras' {@code History} uses
 * ({@code val_accuracy}, {@code val_loss}, {@code accuracy}, {@code loss}), each with its natural goal.
 *
 * <pre>{@code
 * TrainingObjective.on(train, validation).metric(Metric.VAL_ACCURACY)   // maximised
 * Metric.parse("val_loss").goal()                                       // MINIMIZE
 * }</pre>
 */
public enum Metric {
    /** Fraction correct on the validation set; larger is better. */
    VAL_ACCURACY("val_accuracy", Goal.MAXIMIZE),
    /** Mean loss on the validation set; smaller is better. */
    VAL_LOSS("val_loss", Goal.MINIMIZE),
    /** Fraction correct on the training set (measured after the epoch); larger is better. */
    ACCURACY("accuracy", Goal.MAXIMIZE),
    /** Mean loss on the training set (measured after the epoch); smaller is better. */
    LOSS("loss", Goal.MINIMIZE);

    private final String key;
    private final Goal goal;

    Metric(String key, Goal goal) {
        this.key = key;
        this.goal = goal;
    }

    /** The name in reports, studies and sweep files, e.g. {@code val_accuracy}. */
    public String key() {
        return key;
    }

    /** Whether larger or smaller is better. */
    public Goal goal() {
        return goal;
    }

    /** Whether it needs a validation set. */
    public boolean needsValidation() {
        return this == VAL_ACCURACY || this == VAL_LOSS;
    }

    /** This metric's value in {@code m}. */
    public double of(EpochMetrics m) {
        switch (this) {
            case VAL_ACCURACY:
                return m.validationAccuracy();
            case VAL_LOSS:
                return m.validationLoss();
            case ACCURACY:
                return m.trainAccuracy();
            default:
                return m.trainLoss();
        }
    }

    /** Every metric of {@code m} by key (validation ones only when there was a validation set). */
    public static Map<String, Double> all(EpochMetrics m) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metric metric : values()) {
            double v = metric.of(m);
            if (!(metric.needsValidation() && Double.isNaN(m.validationLoss()) && Double.isNaN(m.validationAccuracy()))) {
                out.put(metric.key, v);
            }
        }
        return out;
    }

    /** The keys of every metric, in declaration order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Metric::key).collect(Collectors.toList());
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

    @Override
    public String toString() {
        return key;
    }
}
