package io.fluentdl.data;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.internal.dl4j.DataAccess;
import io.fluentdl.internal.dl4j.DataArrays;
import io.fluentdl.internal.dl4j.MultiAccess;
import io.fluentdl.internal.dl4j.MultiArrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Examples for a functional model with several inputs or outputs, Keras' {@code fit(x={...}, y={...})}:
 * features by input name and targets by output name, one row per example in each.
 *
 * <pre>{@code
 * MultiDataset data = MultiDataset.builder()
 *         .input("image", pixels)          // double[n][784]
 *         .input("meta", meta)             // double[n][8]
 *         .output("digit", digits, 10)     // int[n] classes, one-hot for a softmax output
 *         .output("size", sizes)           // double[n][1] targets
 *         .build();
 * model.fit(data, 10, 32);
 * }</pre>
 * A single-input, single-output model also takes a plain {@link Dataset}. Immutable.
 */
public final class MultiDataset {

    static {
        // Model reaches the arrays through internal code, not through a public method (see DataAccess)
        MultiAccess.open(d -> ((MultiDataset) d).arrays);
    }

    private final MultiArrays arrays;

    private MultiDataset(MultiArrays arrays) {
        this.arrays = arrays;
    }

    /** Starts a data set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A plain data set as the one input and one output of a functional model. */
    public static MultiDataset of(Dataset data, String input, String output) {
        DataArrays arrays = DataAccess.arrays(data);
        return new MultiDataset(MultiArrays.of(Map.of(input, arrays.features()), Map.of(output, arrays.labels())));
    }

    public int size() {
        return arrays.rows();
    }

    /** Examples {@code from} (inclusive) to {@code to} (exclusive), sharing this data set's memory. */
    public MultiDataset view(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw InvalidConfigException.of("MultiDataset", "range", String.format("%d..%d", from, to), String.format(
                    "view needs 0 <= from <= to <= size, got from=%d, to=%d, size=%d", from, to, size()), "");
        }
        return new MultiDataset(arrays.view(from, to));
    }

    /** Collects named inputs and outputs. */
    public static final class Builder {
        private final Map<String, double[][]> inputs = new LinkedHashMap<>();
        private final Map<String, double[][]> outputs = new LinkedHashMap<>();

        private Builder() {
        }

        /** The features of the input named {@code name}, one row per example. */
        public Builder input(String name, double[][] features) {
            inputs.put(name, features);
            return this;
        }

        /** The targets of the output named {@code name} as given (0/1 columns, numbers, or one-hot rows). */
        public Builder output(String name, double[][] targets) {
            outputs.put(name, targets);
            return this;
        }

        /** Class numbers {@code 0..numClasses-1} of the output named {@code name}, as one-hot rows. */
        public Builder output(String name, int[] classes, int numClasses) {
            double[][] oneHot = new double[classes.length][numClasses];
            for (int i = 0; i < classes.length; i++) {
                if (classes[i] < 0 || classes[i] >= numClasses) {
                    throw InvalidConfigException.of(String.format("MultiDataset output '%s'", name), "label", classes[i],
                            String.format("labels must be in 0..%d, got label=%d at row %d", numClasses - 1, classes[i], i), "");
                }
                oneHot[i][classes[i]] = 1;
            }
            return output(name, oneHot);
        }

        public MultiDataset build() {
            inputs.forEach((name, rows) -> check(name, rows, "input"));
            outputs.forEach((name, rows) -> check(name, rows, "output"));
            return new MultiDataset(MultiArrays.fromRows(inputs, outputs));
        }

        private static void check(String name, double[][] values, String what) {
            String where = String.format("MultiDataset %s '%s'", what, name);
            if (values == null || values.length == 0 || values[0] == null) {
                throw InvalidConfigException.of(where, "rows", null, "needs at least one row", "");
            }
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null || values[i].length != values[0].length) {
                    throw InvalidConfigException.of(where, "row", i, String.format("every row needs %d values, row %d has %s",
                            values[0].length, i, values[i] == null ? "none" : values[i].length), "");
                }
            }
        }
    }
}
