package io.fluentdl.train;

import java.util.List;

/**
 * Loss, accuracy and per-class precision / recall / F1 of a model on a data set, Keras'
 * {@code evaluate} plus scikit-learn's {@code classification_report}.
 *
 * @param loss     mean loss (with regularization)
 * @param accuracy fraction correct: argmax for several outputs, p ≥ 0.5 for one sigmoid output
 * @param classes  per-class metrics; for one sigmoid output, classes 0 and 1
 * @param count    number of examples
 */
public record Evaluation(double loss, double accuracy, List<ClassMetrics> classes, int count) {

    /** Per-class metrics. */
    public record ClassMetrics(int label, double precision, double recall, double f1, int support) {
    }

    public Evaluation {
        classes = List.copyOf(classes);
    }
}
