package io.fluentdl.internal.dl4j;

import io.fluentdl.train.ConfusionMatrix;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.OutputKind;
import io.fluentdl.train.Roc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of an {@link Evaluation} from a model's outputs and the labels, both row-major
 * ({@code n × units} outputs; {@code n × units} labels, or {@code n × 1} class numbers when sparse).
 */
public final class Scoring {

    private Scoring() {
    }

    public static Evaluation score(OutputKind kind, float[] out, float[] labels, int n, int units, double loss) {
        return switch (kind) {
            case CLASSIFICATION, SPARSE_CLASSIFICATION -> classification(kind, out, labels, n, units, loss);
            case BINARY -> binary(out, labels, n, loss);
            case MULTI_LABEL -> multiLabel(out, labels, n, units, loss);
            case REGRESSION -> regression(out, labels, n, units, loss);
        };
    }

    private static Evaluation classification(OutputKind kind, float[] out, float[] labels, int n, int k, double loss) {
        long[][] confusion = new long[k][k];
        int[] actual = new int[n];
        for (int i = 0; i < n; i++) {
            actual[i] = kind == OutputKind.SPARSE_CLASSIFICATION ? Math.round(labels[i]) : argmax(labels, i * k, k);
            confusion[actual[i]][argmax(out, i * k, k)]++;
        }
        Map<String, Double> metrics = averages(perClass(confusion), n);
        double aucSum = 0;
        int aucCount = 0;
        for (int c = 0; c < k; c++) {
            float[] scores = new float[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = out[i * k + c];
                positive[i] = actual[i] == c;
            }
            double auc = Roc.auc(scores, positive);
            if (!Double.isNaN(auc)) {
                aucSum += auc;
                aucCount++;
            }
        }
        metrics.put("auc", aucCount == 0 ? Double.NaN : aucSum / aucCount); // macro over the classes present
        return new Evaluation(loss, accuracy(confusion, n), perClass(confusion), n, kind, metrics, new ConfusionMatrix(confusion));
    }

    private static Evaluation binary(float[] out, float[] labels, int n, double loss) {
        long[][] confusion = new long[2][2];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = labels[i] >= 0.5f;
            confusion[positive[i] ? 1 : 0][out[i] >= 0.5f ? 1 : 0]++;
        }
        List<Evaluation.ClassMetrics> classes = perClass(confusion);
        Map<String, Double> metrics = new LinkedHashMap<>();
        Evaluation.ClassMetrics one = classes.get(1); // Keras' Precision/Recall on a sigmoid output: of class 1
        metrics.put("precision", one.precision());
        metrics.put("recall", one.recall());
        metrics.put("f1", one.f1());
        metrics.put("auc", Roc.auc(out, positive));
        return new Evaluation(loss, accuracy(confusion, n), classes, n, OutputKind.BINARY, metrics, new ConfusionMatrix(confusion));
    }

    private static Evaluation multiLabel(float[] out, float[] labels, int n, int k, double loss) {
        List<Evaluation.ClassMetrics> classes = new ArrayList<>();
        long correct = 0;
        double aucSum = 0;
        int aucCount = 0;
        boolean[] exact = new boolean[n];
        java.util.Arrays.fill(exact, true);
        for (int c = 0; c < k; c++) {
            long[][] confusion = new long[2][2];
            float[] scores = new float[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = out[i * k + c];
                positive[i] = labels[i * k + c] >= 0.5f;
                boolean predicted = scores[i] >= 0.5f;
                confusion[positive[i] ? 1 : 0][predicted ? 1 : 0]++;
                exact[i] &= predicted == positive[i];
            }
            correct += confusion[0][0] + confusion[1][1];
            Evaluation.ClassMetrics one = perClass(confusion).get(1);
            classes.add(new Evaluation.ClassMetrics(c, one.precision(), one.recall(), one.f1(), one.support()));
            double auc = Roc.auc(scores, positive);
            if (!Double.isNaN(auc)) {
                aucSum += auc;
                aucCount++;
            }
        }
        long exactCount = 0;
        for (boolean e : exact) {
            exactCount += e ? 1 : 0;
        }
        Map<String, Double> metrics = averages(classes, n);
        metrics.put("auc", aucCount == 0 ? Double.NaN : aucSum / aucCount);
        metrics.put("exact_match", n == 0 ? Double.NaN : (double) exactCount / n);
        double accuracy = n == 0 ? Double.NaN : (double) correct / ((long) n * k); // Keras' binary_accuracy
        return new Evaluation(loss, accuracy, classes, n, OutputKind.MULTI_LABEL, metrics, null);
    }

    private static Evaluation regression(float[] out, float[] labels, int n, int k, double loss) {
        double squared = 0;
        double absolute = 0;
        double r2Sum = 0;
        for (int c = 0; c < k; c++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += labels[i * k + c];
            }
            mean /= n;
            double residual = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                double y = labels[i * k + c];
                double e = y - out[i * k + c];
                residual += e * e;
                absolute += Math.abs(e);
                total += (y - mean) * (y - mean);
            }
            squared += residual;
            // scikit-learn: a constant column scores 1 when predicted exactly, else 0
            r2Sum += total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
        }
        double values = (double) n * k;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("mse", squared / values);
        metrics.put("mae", absolute / values);
        metrics.put("rmse", Math.sqrt(squared / values));
        metrics.put("r2", r2Sum / k);
        return new Evaluation(loss, Double.NaN, List.of(), n, OutputKind.REGRESSION, metrics, null);
    }

    private static int argmax(float[] values, int from, int length) {
        int best = 0;
        for (int j = 1; j < length; j++) {
            if (values[from + j] > values[from + best]) {
                best = j;
            }
        }
        return best;
    }

    private static double accuracy(long[][] confusion, int n) {
        long correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        return n == 0 ? Double.NaN : (double) correct / n;
    }

    static List<Evaluation.ClassMetrics> perClass(long[][] confusion) {
        List<Evaluation.ClassMetrics> metrics = new ArrayList<>();
        for (int c = 0; c < confusion.length; c++) {
            long tp = confusion[c][c];
            long actual = 0;
            long predicted = 0;
            for (int k = 0; k < confusion.length; k++) {
                actual += confusion[c][k];
                predicted += confusion[k][c];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            metrics.add(new Evaluation.ClassMetrics(c, precision, recall, f1, (int) actual));
        }
        return metrics;
    }

    /** Macro averages (every class counts the same) and support-weighted ones, scikit-learn's. */
    private static Map<String, Double> averages(List<Evaluation.ClassMetrics> classes, int n) {
        double p = 0;
        double r = 0;
        double f = 0;
        double wp = 0;
        double wr = 0;
        double wf = 0;
        long support = 0;
        for (Evaluation.ClassMetrics c : classes) {
            p += c.precision();
            r += c.recall();
            f += c.f1();
            wp += c.precision() * c.support();
            wr += c.recall() * c.support();
            wf += c.f1() * c.support();
            support += c.support();
        }
        int k = classes.size();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("precision", p / k);
        metrics.put("recall", r / k);
        metrics.put("f1", f / k);
        metrics.put("weighted_precision", support == 0 ? Double.NaN : wp / support);
        metrics.put("weighted_recall", support == 0 ? Double.NaN : wr / support);
        metrics.put("weighted_f1", support == 0 ? Double.NaN : wf / support);
        return metrics;
    }
}
