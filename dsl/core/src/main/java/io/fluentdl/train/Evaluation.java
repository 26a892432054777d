package io.fluentdl.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's numbers on a data set, chosen by what its output means ({@link OutputKind}): Keras'
 * {@code evaluate} plus scikit-learn's {@code classification_report}, {@code confusion_matrix} and
 * {@code roc_auc_score}, or for regression its MSE, MAE, RMSE and R².
 *
 * <pre>{@code
 * Evaluation e = model.evaluate(test);
 * e.accuracy();            // classification: argmax; binary: p >= 0.5; multi-label: per label; regression: NaN
 * e.confusionMatrix();     // classification and binary
 * e.metric("auc");         // also "precision", "recall", "f1", "weighted_f1", "mae", "rmse", "r2", "exact_match"
 * }</pre>
 *
 * @param loss      mean loss (with regularization)
 * @param accuracy  fraction correct as {@link OutputKind} says; NaN for regression
 * @param classes   per-class (or, multi-label, per-label) precision / recall / F1 / support; empty for regression
 * @param count     number of examples
 * @param kind      what the output means
 * @param metrics   the other numbers by Keras-style key (see {@link #metric(String)})
 * @param confusion the confusion matrix of a classification or binary output, else null
 */
public record Evaluation(double loss, double accuracy, List<ClassMetrics> classes, int count, OutputKind kind,
                         Map<String, Double> metrics, ConfusionMatrix confusion) {

    /** Per-class metrics; for a multi-label output {@code label} is the label's column and support its positives. */
    public record ClassMetrics(int label, double precision, double recall, double f1, int support) {
    }

    public Evaluation {
        classes = List.copyOf(classes);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Loss and accuracy of a single-label classifier, without the other metrics. */
    public Evaluation(double loss, double accuracy, List<ClassMetrics> classes, int count) {
        this(loss, accuracy, classes, count, OutputKind.CLASSIFICATION, Map.of(), null);
    }

    /**
     * A metric by key, NaN when this output kind has none of that name. Classification: {@code auc}
     * (one class against the rest, macro average), {@code precision}, {@code recall}, {@code f1} (macro
     * averages; of class 1 for a binary output), {@code weighted_precision}, {@code weighted_recall},
     * {@code weighted_f1}. Multi-label: the same as macro averages over labels, plus {@code exact_match}
     * (all labels of an example right). Regression: {@code mse}, {@code mae}, {@code rmse}, {@code r2}
     * (mean over output columns, as scikit-learn's {@code r2_score}).
     */
    public double metric(String key) {
        return metrics.getOrDefault(key, Double.NaN);
    }

    /** Area under the ROC curve (see {@link #metric(String)}); NaN for regression or when a class is absent. */
    public double auc() {
        return metric("auc");
    }

    /** The same numbers labelled with another kind (one-hot and sparse labels of the same classes score alike). */
    public Evaluation withKind(OutputKind other) {
        return new Evaluation(loss, accuracy, classes, count, other, metrics, confusion);
    }

    /** The confusion matrix, {@code [actual][predicted]}. */
    public ConfusionMatrix confusionMatrix() {
        if (confusion == null) {
            throw new IllegalStateException(String.format(
                    "Evaluation: a confusion matrix needs a classification or binary output, got kind=%s. "
                            + "Use classes() for per-label metrics, or metric(\"mae\") for regression", kind));
        }
        return confusion;
    }
}
