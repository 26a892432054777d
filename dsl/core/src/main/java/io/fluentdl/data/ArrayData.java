package io.fluentdl.data;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.internal.dl4j.DataArrays;

/**
 * Java arrays to a {@link Dataset} (FLOAT, as every network here trains), with the checks a Keras
 * user gets from {@code fit}: the same number of rows, rows of equal length, labels in range, at
 * least one example. Each problem is one line naming the row and the value.
 */
final class ArrayData {

    private ArrayData() {
    }

    static Dataset classes(double[][] features, int[] labels, int numClasses) {
        int n = rows(features, "features");
        if (labels == null || labels.length != n) {
            throw InvalidConfigException.of("Dataset.of", "labels", labels == null ? null : labels.length,
                    String.format("there must be one label per example, got examples=%d, labels=%s", n,
                            labels == null ? "null" : String.valueOf(labels.length)), "");
        }
        if (numClasses < 2) {
            throw InvalidConfigException.of("Dataset.of", "numClasses", numClasses, String.format(
                    "class labels need at least 2 classes, got numClasses=%d", numClasses),
                    "For one 0/1 column (a sigmoid output) use Dataset.of(features, double[][] targets)");
        }
        float[] oneHot = new float[n * numClasses];
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw InvalidConfigException.of(String.format("Dataset.of, example %d", i), "label", labels[i], String.format(
                        "a class label must be in [0, %d], got label=%d", numClasses - 1, labels[i]), "");
            }
            oneHot[i * numClasses + labels[i]] = 1f;
        }
        return Dataset.over(DataArrays.ofRows(flat(features, "features"), features[0].length, oneHot, numClasses, n));
    }

    static Dataset targets(double[][] features, double[][] targets) {
        int n = rows(features, "features");
        int m = rows(targets, "targets");
        if (n != m) {
            throw InvalidConfigException.of("Dataset.of", "targets", m, String.format(
                    "features and targets need the same number of rows, got features=%d, targets=%d", n, m), "");
        }
        return Dataset.over(DataArrays.ofRows(flat(features, "features"), features[0].length, flat(targets, "targets"),
                targets[0].length, n));
    }

    static double[][] widen(float[][] values, String what) {
        if (values == null) {
            return null;
        }
        double[][] wide = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw nullRow(what, i);
            }
            wide[i] = new double[values[i].length];
            for (int j = 0; j < values[i].length; j++) {
                wide[i][j] = values[i][j];
            }
        }
        return wide;
    }

    private static int rows(double[][] values, String what) {
        if (values == null || values.length == 0) {
            throw InvalidConfigException.of("Dataset.of", what, values == null ? null : 0, String.format(
                    "a data set needs at least one example, got %s=%s", what, values == null ? "null" : "0 rows"), "");
        }
        return values.length;
    }

    /** A FLOAT n x d matrix; every row must be as long as the first (and at least 1). */
    /** The rows as one row-major float[] (FLOAT arrays), after checking each has the first row's width. */
    private static float[] flat(double[][] values, String what) {
        int width = values[0] == null ? 0 : values[0].length;
        float[] flat = new float[values.length * width];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw nullRow(what, i);
            }
            if (values[i].length != width || width == 0) {
                throw InvalidConfigException.of(String.format("Dataset.of, %s row %d", what, i), "columns", values[i].length,
                        String.format("every row needs the first row's %d columns (at least 1), got columns=%d", width,
                                values[i].length), "");
            }
            for (int j = 0; j < width; j++) {
                flat[i * width + j] = (float) values[i][j];
            }
        }
        return flat;
    }

    private static InvalidConfigException nullRow(String what, int row) {
        return InvalidConfigException.of(String.format("Dataset.of, %s row %d", what, row), "row", null,
                "a row is null", "");
    }
}
