package io.fluentdl.search;

import io.fluentdl.train.Metric;

/** Whether a search wants the objective as large or as small as possible. */
public enum Goal {
    /** Accuracy, AUC: larger is better. */
    MAXIMIZE,
    /** Loss, error: smaller is better. */
    MINIMIZE;

    /** The metric's own goal: MAXIMIZE for accuracies, MINIMIZE for losses ({@link Metric#largerIsBetter()}). */
    public static Goal of(Metric metric) {
        return metric.largerIsBetter() ? MAXIMIZE : MINIMIZE;
    }

    /** The value turned so that smaller is better (pruners and sorting work on this). */
    public double lossLike(double value) {
        return this == MAXIMIZE ? -value : value;
    }

    /** Whether {@code a} is strictly better than {@code b}. */
    public boolean better(double a, double b) {
        return lossLike(a) < lossLike(b);
    }
}
