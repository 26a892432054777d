package io.fluentdl.train;

import java.util.Arrays;

/**
 * Counts of (actual class, predicted class) pairs, scikit-learn's {@code confusion_matrix}: row = the
 * true class, column = the predicted one. For a binary output the classes are 0 and 1 (threshold 0.5).
 * Immutable.
 */
public final class ConfusionMatrix {

    private final long[][] counts;

    /** Copies {@code counts[actual][predicted]}, a square matrix. */
    public ConfusionMatrix(long[][] counts) {
        this.counts = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != counts.length) {
                throw new IllegalArgumentException(String.format(
                        "ConfusionMatrix: counts must be square, got row %d of %d columns in %d rows", i, counts[i].length, counts.length));
            }
            this.counts[i] = counts[i].clone();
        }
    }

    /** The number of classes. */
    public int classes() {
        return counts.length;
    }

    /** How many examples of class {@code actual} were predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** A copy of the counts, {@code [actual][predicted]}. */
    public long[][] toArray() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Examples counted. */
    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    /** The matrix as a table: a header of predicted classes, one row per actual class. */
    @Override
    public String toString() {
        int width = Math.max(6, Long.toString(Arrays.stream(counts).flatMapToLong(Arrays::stream).max().orElse(0)).length() + 1);
        StringBuilder out = new StringBuilder(String.format("%-10s", "actual\\pred"));
        for (int c = 0; c < counts.length; c++) {
            out.append(String.format("%" + width + "d", c));
        }
        out.append('\n');
        for (int a = 0; a < counts.length; a++) {
            out.append(String.format("%-10d", a));
            for (int p = 0; p < counts.length; p++) {
                out.append(String.format("%" + width + "d", counts[a][p]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
