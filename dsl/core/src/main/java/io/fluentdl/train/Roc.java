package io.fluentdl.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The ROC curve and the area under it for scores of one class against the rest, scikit-learn's
 * {@code roc_curve} / {@code roc_auc_score}.
 *
 * <p>The AUC is the probability that a random positive scores above a random negative, ties counting
 * one half (the Mann-Whitney statistic), computed exactly from ranks; NaN when there are no positives
 * or no negatives (scikit-learn raises an error there).
 */
public final class Roc {

    /** One point of the curve: at {@code threshold}, scores ≥ threshold are called positive. */
    public record Point(double threshold, double falsePositiveRate, double truePositiveRate) {
    }

    private Roc() {
    }

    /** The area under the ROC curve of {@code scores} for the examples marked {@code positive}. */
    public static double auc(float[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = sortedAscending(scores);
        long positives = 0;
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1; // ties share the mean of their ranks
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    positives++;
                    rankSum += averageRank;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** The curve's corners, from threshold +∞ (0, 0) down to the lowest score (1, 1). */
    public static List<Point> curve(float[] scores, boolean[] positive) {
        Integer[] order = sortedAscending(scores);
        long positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        long negatives = scores.length - positives;
        List<Point> points = new ArrayList<>();
        points.add(new Point(Double.POSITIVE_INFINITY, 0, 0));
        long tp = 0;
        long fp = 0;
        for (int i = scores.length - 1; i >= 0; i--) {
            if (positive[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            if (i == 0 || scores[order[i - 1]] != scores[order[i]]) {
                points.add(new Point(scores[order[i]], negatives == 0 ? Double.NaN : (double) fp / negatives,
                        positives == 0 ? Double.NaN : (double) tp / positives));
            }
        }
        return points;
    }

    private static Integer[] sortedAscending(float[] scores) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, Comparator.comparingDouble(k -> scores[k]));
        return order;
    }
}
