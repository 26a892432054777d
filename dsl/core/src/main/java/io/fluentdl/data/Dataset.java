package io.fluentdl.data;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import java.io.Reader;
import java.nio.file.Path;
import io.fluentdl.internal.dl4j.BatchIterator;
import io.fluentdl.internal.dl4j.DataAccess;
import io.fluentdl.internal.dl4j.DataArrays;
import java.util.List;

/**
 * An in-memory labelled data set: a features matrix (rows = examples) and a labels matrix (one-hot
 * for classification, one 0/1 column for binary targets, 0/1 columns for multi-label, target
 * columns for regression). Immutable: every operation returns a new one.
 *
 * <p>Bring your own data as Keras users do: from Java arrays ({@link #of(double[][], int[])} for class
 * labels, {@link #of(double[][], double[][])} for any targets), from a CSV file
 * ({@link #fromCsv(Path, String, CsvOptions)}), then {@link #split(double, long)} into training and test
 * sets and {@link Split#normalize()} them with the training set's per-feature mean and deviation:
 * <pre>{@code
 * Split data = Dataset.fromCsv(Path.of("iris.csv"), "species", CsvOptions.defaults())
 *         .split(0.8, 42)
 *         .normalize();
 * model.fit(data.train(), 100, 16, data.test());
 * }</pre>
 *
 * <p>{@code Model.fit} draws mini-batches reshuffled every epoch: the order of epoch {@code e} depends
 * only on the model's seed and {@code e}, so the same seed gives the same batches on every run. For
 * ND4J arrays in or out, use {@code Model.dataset(features, labels)}, {@code Model.features(dataset)}
 * and {@code Model.labels(dataset)}.
 *
 * <p>Per-example weights, Keras' {@code sample_weight}: {@link #withSampleWeights(double[])}; each
 * example's loss is multiplied by its weight while training (see {@code Model.fit}).
 */
public final class Dataset {

    static {
        // the trainer reaches the arrays through internal code, not through a public method
        DataAccess.open(d -> ((Dataset) d).arrays, Dataset::over);
    }

    private final DataArrays arrays;
    private final List<String> featureNames;
    private final List<String> classNames;

    private Dataset(DataArrays arrays, List<String> featureNames, List<String> classNames) {
        this.arrays = arrays;
        this.featureNames = featureNames;
        this.classNames = classNames;
    }

    /** The same examples with new arrays, keeping the names. */
    private Dataset with(DataArrays newArrays) {
        return new Dataset(newArrays, featureNames, classNames);
    }

    /**
     * Features and class labels {@code 0..k-1}, with {@code k} = the largest label + 1 classes; labels
     * become one-hot rows (for a softmax output with categorical cross-entropy).
     *
     * @param features one row per example, every row as long as the first
     * @param labels   one class number per example, {@code >= 0}
     */
    public static Dataset of(double[][] features, int[] labels) {
        int max = 0;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return of(features, labels, max + 1);
    }

    /** Like {@link #of(double[][], int[])} with the number of classes given (some may have no example). */
    public static Dataset of(double[][] features, int[] labels, int numClasses) {
        return ArrayData.classes(features, labels, numClasses);
    }

    /**
     * Features and targets as given: one column of 0/1 for a sigmoid binary output, several 0/1 columns
     * for multi-label, numbers for regression, or one-hot rows.
     */
    public static Dataset of(double[][] features, double[][] targets) {
        return ArrayData.targets(features, targets);
    }

    /** Like {@link #of(double[][], double[][])}, from floats. */
    public static Dataset of(float[][] features, float[][] targets) {
        return ArrayData.targets(ArrayData.widen(features, "features"), ArrayData.widen(targets, "targets"));
    }

    /**
     * Reads a CSV file: one example per row, every column but {@code labelColumn} a numeric feature.
     * Class labels (names or numbers) become one-hot rows, classes in sorted order
     * ({@link #classNames()}); with {@link CsvOptions#regression()} the label is a number to predict.
     * A bad cell stops with one line naming the file, line, column and value.
     *
     * @param file        a UTF-8 text file
     * @param labelColumn the header's name of the label column
     * @param options     header, delimiter, kind of label: {@link CsvOptions#defaults()} for most files
     */
    public static Dataset fromCsv(Path file, String labelColumn, CsvOptions options) {
        return CsvReader.fromFile(file, options, CsvReader.column(file.toString(), labelColumn, options));
    }

    /** Like {@link #fromCsv(Path, String, CsvOptions)}, the label column given by its 0-based index. */
    public static Dataset fromCsv(Path file, int labelColumn, CsvOptions options) {
        return CsvReader.fromFile(file, options, CsvReader.column(file.toString(), labelColumn));
    }

    /** Like {@link #fromCsv(Path, String, CsvOptions)} from a reader (e.g. a class-path resource); {@code name} appears in errors. */
    public static Dataset fromCsv(Reader reader, String name, String labelColumn, CsvOptions options) {
        return CsvReader.fromReader(reader, name, options, CsvReader.column(name, labelColumn, options));
    }

    /** The same data with column and class names (used by the readers). */
    Dataset withNames(List<String> newFeatureNames, List<String> newClassNames) {
        return new Dataset(arrays, List.copyOf(newFeatureNames), List.copyOf(newClassNames));
    }

    /** The feature columns' names (a CSV header's), or empty when unknown. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Class names in label-column order (a CSV's label values, sorted), or empty when unknown. */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * Shuffles the examples with {@code seed} and splits them: the first {@code trainFraction} for
     * training, the rest for testing (scikit-learn's {@code train_test_split}). For Keras'
     * {@code validation_split} (the last examples, unshuffled), use {@link #slice(int, int)}.
     *
     * @param trainFraction in (0, 1); each side gets at least one example
     */
    public Split split(double trainFraction, long seed) {
        int n = size();
        int train = (int) Math.round(trainFraction * n);
        if (!(trainFraction > 0 && trainFraction < 1) || train < 1 || train >= n) {
            throw InvalidConfigException.of("Dataset.split", "trainFraction", trainFraction, String.format(
                    "trainFraction must be in (0, 1) and leave at least one example on each side of %d, got trainFraction=%s",
                    n, trainFraction), "");
        }
        Dataset shuffled = shuffled(seed);
        return new Split(shuffled.slice(0, train), shuffled.slice(train, n));
    }

    /** A data set over arrays the readers made; users with ND4J arrays call {@code Model.dataset(features, labels)}. */
    static Dataset over(DataArrays arrays) {
        return new Dataset(arrays, List.of(), List.of());
    }

    /** The arrays, for the normalizer; other packages go through {@code DataAccess} (internal). */
    DataArrays arrays() {
        return arrays;
    }

    /**
     * These examples with a weight each, Keras' {@code sample_weight}: training multiplies each example's
     * loss (and so its gradient) by its weight. The loss of a batch is the weighted sum divided by the
     * batch's size, not by the sum of weights (Keras' {@code sum_over_batch_size}), so weight 0 drops an
     * example from the gradient while it still counts in the division. Weights follow their examples
     * through {@link #split}, {@link #slice}, {@link #shuffled} and every epoch's shuffle. Evaluation
     * ({@code Model.evaluate}, the metrics {@code fit} logs) stays unweighted, as Keras' default.
     *
     * @param weights one finite number {@code >= 0} per example, in example order
     * @return a new data set; this one keeps its weights (or none)
     */
    public Dataset withSampleWeights(double[] weights) {
        String where = "Dataset.withSampleWeights";
        if (weights == null || weights.length != size()) {
            throw InvalidConfigException.of(where, "weights", weights == null ? null : weights.length, String.format(
                    "there must be one weight per example, got examples=%d, weights=%s", size(),
                    weights == null ? "null" : String.valueOf(weights.length)), "");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw InvalidConfigException.of(String.format("%s, example %d", where, i), "weight", weights[i], String.format(
                        "a sample weight must be a finite number >= 0, got weight=%s", weights[i]), "");
            }
        }
        return with(arrays.withWeights(weights));
    }

    /** Whether {@link #withSampleWeights} gave these examples weights. */
    public boolean hasSampleWeights() {
        return arrays.weights() != null;
    }

    /** Each example's weight, in example order: all 1.0 when none were given. */
    public double[] sampleWeights() {
        return arrays.weightsOrOnes();
    }

    public int size() {
        return arrays.rows();
    }

    public int numFeatures() {
        return arrays.featureColumns();
    }

    public int numLabelColumns() {
        return arrays.labelColumns();
    }

    /** The first {@code n} examples (all if {@code n >= size()}). */
    public Dataset first(int n) {
        return slice(0, Math.min(n, size()));
    }

    /** Examples {@code from} (inclusive) to {@code to} (exclusive). */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new InvalidConfigException(Problem.of("Dataset", "range", String.format("%d..%d", from, to),
                    String.format("slice needs 0 <= from <= to <= size, got from=%d, to=%d, size=%d", from, to, size())));
        }
        return with(arrays.slice(from, to));
    }

    /**
     * Examples {@code from} (inclusive) to {@code to} (exclusive) without copying: the result shares
     * this dataset's memory, so it is cheap for read-only passes (evaluation) and must not be written to.
     */
    public Dataset view(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new InvalidConfigException(Problem.of("Dataset", "range", String.format("%d..%d", from, to),
                    String.format("view needs 0 <= from <= to <= size, got from=%d, to=%d, size=%d", from, to, size())));
        }
        return with(arrays.view(from, to));
    }

    /** The same examples in an order drawn from {@code seed}. */
    public Dataset shuffled(long seed) {
        return select(BatchIterator.permutation(size(), seed));
    }

    /** Rows in the given order. */
    public Dataset select(int[] rows) {
        return with(arrays.select(rows));
    }

    /** These examples with every feature {@code (x - mean[j]) / std[j]}; labels and names are kept. */
    Dataset standardized(double[] mean, double[] std) {
        return with(arrays.standardized(mean, std));
    }
}
