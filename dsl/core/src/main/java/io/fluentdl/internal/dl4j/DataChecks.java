package io.fluentdl.internal.dl4j;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.layers.Dense;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.layers.Output;
import io.fluentdl.nn.Loss;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The checks {@code Model} runs on data before DL4J sees it, so that bad data fails at the call with
 * one line instead of training to NaN in silence or failing deep inside ND4J: at least one example,
 * the input width, finite features (one O(n) pass; {@code Model.checkFinite(boolean)} turns it off),
 * labels whose width and values suit the output layer's loss; and, before a network is allocated,
 * the memory its largest layer needs.
 */
public final class DataChecks {

    /** Softmax rows may be soft labels (label smoothing): they must sum to 1 within this. */
    static final double ROW_SUM_TOLERANCE = 1e-3;
    /** Bytes per weight while training: the float weight, its gradient and up to two optimizer state slots (Adam). */
    static final long BYTES_PER_WEIGHT = 16;

    private DataChecks() {
    }

    /**
     * Where Keras' {@code validation_split} cuts {@code size} examples: {@code int(n * (1 - split))}, both
     * sides non-empty.
     */
    public static int validationSplit(String where, int size, double validationSplit) {
        if (!(validationSplit > 0 && validationSplit < 1)) {
            throw InvalidConfigException.of(where, "validationSplit", validationSplit,
                    String.format("validationSplit must be in (0, 1), got validationSplit=%s", validationSplit), "");
        }
        int splitAt = (int) (size * (1 - validationSplit)); // Keras: int(n * (1 - validation_split))
        if (splitAt < 1 || splitAt >= size) {
            throw InvalidConfigException.of(where, "validationSplit", validationSplit,
                    String.format("validationSplit=%s of %d examples leaves %d to train and %d to validate; both need at least one",
                            validationSplit, size, splitAt, size - splitAt), "");
        }
        return splitAt;
    }

    /** Features and labels of a fit, validation or evaluation set. */
    public static void dataset(String where, DataArrays data, int inputSize, List<LayerSpec> layers, boolean finite) {
        if (data == null) {
            throw InvalidConfigException.of(where, "data", null, "the data set must not be null", "");
        }
        if (data.rows() < 1) {
            throw InvalidConfigException.of(where, "size", 0, "the data set needs at least one example, got size=0", "");
        }
        features(where, data.features(), inputSize, finite);
        labels(where, data.labels(), output(layers));
    }

    /** The input of predict: a non-null 2-d matrix with one row per example and the model's input width. */
    public static void features(String where, INDArray features, int inputSize, boolean finite) {
        if (features == null) {
            throw InvalidConfigException.of(where, "features", null, "features must not be null", "");
        }
        if (features.rank() != 2) {
            throw InvalidConfigException.of(where, "features", Arrays.toString(features.shape()), String.format(
                    "features must be a 2-d matrix (examples x %d), got shape=%s", inputSize,
                    Arrays.toString(features.shape())), features.rank() == 1
                    ? String.format("For one example use features.reshape(1, %d).", inputSize) : "");
        }
        if (features.rows() < 1) {
            throw InvalidConfigException.of(where, "size", 0, "the data needs at least one example, got 0 rows", "");
        }
        if (features.columns() != inputSize) {
            throw InvalidConfigException.of(where, "features", features.columns(), String.format(
                    "the data has %d features per example but the model's input(%d) expects %d",
                    features.columns(), inputSize, inputSize), "");
        }
        if (finite) {
            long[] at = firstNonFinite(features);
            if (at != null) {
                throw InvalidConfigException.of(where, "features", features.getDouble(at[0], at[1]), String.format(
                        "features must be finite numbers, got features[%d, %d]=%s", at[0], at[1],
                        features.getDouble(at[0], at[1])), "Clean or impute the data, or turn this check off with "
                        + "model.checkFinite(false).");
            }
        }
    }

    private static void labels(String where, INDArray labels, Output out) {
        if (out == null) {
            return;
        }
        Loss loss = out.loss();
        boolean sparse = loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
        long expected = sparse ? 1 : out.units();
        if (labels.columns() != expected) {
            throw InvalidConfigException.of(where, "labels", labels.columns(), String.format(Locale.ROOT,
                    "labels must have %d column%s for output(%d, %s), got %d columns", expected, expected == 1 ? "" : "s",
                    out.units(), loss.kerasName(), labels.columns()), sparse ? "Give one class index per row."
                    : String.format("Give %s per example.", out.units() == 1 ? "one value" : out.units() + " values"));
        }
        long[] bad = firstNonFinite(labels);
        if (bad != null) {
            throw InvalidConfigException.of(where, "labels", labels.getDouble(bad[0], bad[1]), String.format(
                    "labels must be finite numbers, got labels[%d, %d]=%s", bad[0], bad[1],
                    labels.getDouble(bad[0], bad[1])), "");
        }
        switch (loss) {
            case BINARY_CROSSENTROPY -> range(where, labels, 0, 1, loss, "");
            case CATEGORICAL_CROSSENTROPY, KL_DIVERGENCE -> {
                range(where, labels, 0, 1, loss, "");
                rowSums(where, labels, loss);
            }
            case SPARSE_CATEGORICAL_CROSSENTROPY -> classIndices(where, labels, out.units());
            case POISSON -> range(where, labels, 0, Double.MAX_VALUE, loss, "");
            default -> {
                // regression and hinge losses take any finite target
            }
        }
    }

    private static void range(String where, INDArray labels, double low, double high, Loss loss, String fix) {
        double min = labels.minNumber().doubleValue();
        double max = labels.maxNumber().doubleValue();
        if (min < low || max > high) {
            long[] at = first(labels, v -> v < low || v > high);
            double v = labels.getDouble(at[0], at[1]);
            throw InvalidConfigException.of(where, "labels", v, String.format(Locale.ROOT,
                    "%s needs labels in [%s, %s], got labels[%d, %d]=%s", loss.kerasName(), number(low),
                    high == Double.MAX_VALUE ? "inf" : number(high), at[0], at[1], number(v)), fix);
        }
    }

    private static void rowSums(String where, INDArray labels, Loss loss) {
        INDArray sums = labels.sum(1);
        if (org.nd4j.linalg.ops.transforms.Transforms.abs(sums.sub(1.0)).maxNumber().doubleValue() <= ROW_SUM_TOLERANCE) {
            return; // the common case in one op; the loop below only finds the row to name
        }
        for (long r = 0; r < sums.length(); r++) {
            double s = sums.getDouble(r);
            if (Math.abs(s - 1) > ROW_SUM_TOLERANCE) {
                throw InvalidConfigException.of(where, "labels", s, String.format(Locale.ROOT,
                        "%s needs one-hot (or probability) label rows that sum to 1, got row %d summing to %s",
                        loss.kerasName(), r, number(s)), "One-hot encode the classes, one 1 per row.");
            }
        }
    }

    private static void classIndices(String where, INDArray labels, int classes) {
        long[] at = first(labels, v -> v < 0 || v >= classes || v != Math.rint(v));
        if (at != null) {
            double v = labels.getDouble(at[0], at[1]);
            throw InvalidConfigException.of(where, "labels", v, String.format(Locale.ROOT,
                    "sparse_categorical_crossentropy needs class indices 0..%d, got labels[%d, 0]=%s", classes - 1,
                    at[0], number(v)), "");
        }
    }

    /**
     * Before a network is allocated: the largest dense layer's weights, gradients and optimizer state
     * must fit in what ND4J may allocate off the Java heap (JavaCPP's maxbytes, by default -Xmx). Too
     * large a layer otherwise dies in native code (SIGSEGV in libc) rather than with an exception.
     */
    public static void memory(String model, int inputSize, List<LayerSpec> layers) {
        long limit = org.bytedeco.javacpp.Pointer.maxBytes();
        if (limit <= 0) {
            limit = Runtime.getRuntime().maxMemory();
        }
        long width = inputSize;
        int position = 0;
        for (LayerSpec layer : layers) {
            position++;
            int units;
            if (layer instanceof Dense d) {
                units = d.units();
            } else if (layer instanceof Output o) {
                units = o.units();
            } else {
                continue;
            }
            long weights = (width + 1) * units;
            long bytes = weights * BYTES_PER_WEIGHT;
            if (bytes > limit) {
                throw InvalidConfigException.of(String.format("Model '%s', layer %d '%s'", model, position,
                        layer.name()), "units", units, String.format(Locale.ROOT, "training needs about %.1f GiB for "
                        + "this layer's %d weights (weights, gradients, optimizer state), more than the %.1f GiB ND4J "
                        + "may allocate, got inputs=%d, units=%d", bytes / GIB, weights, limit / GIB, width, units),
                        "Use fewer units, or raise -Xmx (or -Dorg.bytedeco.javacpp.maxbytes).");
            }
            width = units;
        }
    }

    private static final double GIB = 1024.0 * 1024 * 1024;

    /** The output layer (the last of the stack), or null if the stack is not built that way. */
    private static Output output(List<LayerSpec> layers) {
        LayerSpec last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
        return last instanceof Output o ? o : null;
    }

    /** Row and column of the first NaN or infinite entry, or null: a sum first (fast), a scan only when it is not finite. */
    private static long[] firstNonFinite(INDArray m) {
        if (Double.isFinite(m.sumNumber().doubleValue())) {
            return null;
        }
        return first(m, v -> !Double.isFinite(v));
    }

    private static long[] first(INDArray m, java.util.function.DoublePredicate bad) {
        for (long r = 0; r < m.rows(); r++) {
            for (long c = 0; c < m.columns(); c++) {
                if (bad.test(m.getDouble(r, c))) {
                    return new long[] {r, c};
                }
            }
        }
        return null;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%d", (long) v) : Double.toString(v);
    }
}
