package io.fluentdl.data;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * An in-memory labelled data set: a features matrix (rows = examples) and a labels matrix (one-hot
 * for classification, or one column for binary targets). Immutable: every operation returns a new one.
 *
 * <p>Mini-batches come from {@link #batches(int, long)}: the order of epoch {@code e} depends only on
 * the seed and {@code e}, so the same seed gives the same batches on every run.
 */
public final class Dataset {

    static {
        io.fluentdl.internal.dl4j.NativeBuild.select(); // before ND4J loads: see NativeBuild
    }

    private final INDArray features;
    private final INDArray labels;

    private Dataset(INDArray features, INDArray labels) {
        this.features = features;
        this.labels = labels;
    }

    /** Wraps features (n x d) and labels (n x k); both must have the same number of rows. */
    public static Dataset of(INDArray features, INDArray labels) {
        if (features.rank() != 2 || labels.rank() != 2 || features.rows() != labels.rows()) {
            throw new InvalidConfigException(Problem.of("Dataset", "shape",
                    String.format("features=%s labels=%s", java.util.Arrays.toString(features.shape()),
                            java.util.Arrays.toString(labels.shape())),
                    String.format("features and labels must be 2-d with the same number of rows, got features=%s, labels=%s",
                            java.util.Arrays.toString(features.shape()), java.util.Arrays.toString(labels.shape()))));
        }
        return new Dataset(features, labels);
    }

    public INDArray features() {
        return features;
    }

    public INDArray labels() {
        return labels;
    }

    public int size() {
        return (int) features.rows();
    }

    public int numFeatures() {
        return (int) features.columns();
    }

    public int numLabelColumns() {
        return (int) labels.columns();
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
        return new Dataset(features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup(),
                labels.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup());
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
        return new Dataset(features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()),
                labels.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
    }

    /** The same examples in an order drawn from {@code seed}. */
    public Dataset shuffled(long seed) {
        return select(permutation(size(), seed));
    }

    /** Rows in the given order. */
    public Dataset select(int[] rows) {
        return new Dataset(Nd4j.pullRows(features, 1, rows), Nd4j.pullRows(labels, 1, rows)); // getRows copies row by row
    }

    /** A DL4J {@link DataSet} view of all examples. */
    public DataSet toDataSet() {
        return new DataSet(features, labels);
    }

    /**
     * Mini-batches, reshuffled every epoch from {@code seed} (epoch e uses a permutation drawn from
     * seed and e only). The last batch may be smaller, as in Keras.
     */
    public ShufflingBatchIterator batches(int batchSize, long seed) {
        return new ShufflingBatchIterator(this, batchSize, seed, true);
    }

    /** Mini-batches in storage order (for evaluation). */
    public DataSetIterator batchesInOrder(int batchSize) {
        return new ShufflingBatchIterator(this, batchSize, 0, false);
    }

    /** A seeded Fisher-Yates permutation of 0..n-1. */
    static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
