package io.fluentdl.internal.dl4j;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The ND4J side of a {@code Dataset}: a features matrix, a labels matrix with one row per example, and
 * optional per-example weights (an {@code n x 1} column, Keras' {@code sample_weight}) that travel with
 * their rows through every slice, view and shuffle. {@code Dataset} keeps its names and rules and hands
 * the arrays to the trainer through {@link DataAccess}, so that no public data type shows ND4J.
 * Operations return new instances; views share memory.
 */
public final class DataArrays {

    private final INDArray features;
    private final INDArray labels;
    private final INDArray weights; // n x 1, or null: every example weighs 1

    private DataArrays(INDArray features, INDArray labels, INDArray weights) {
        this.features = features;
        this.labels = labels;
        this.weights = weights;
    }

    /** Wraps features (n x d) and labels (n x k); both must be 2-d with the same number of rows. */
    public static DataArrays of(INDArray features, INDArray labels) {
        if (features.rank() != 2 || labels.rank() != 2 || features.rows() != labels.rows()) {
            throw new InvalidConfigException(Problem.of("Dataset", "shape",
                    String.format("features=%s labels=%s", Arrays.toString(features.shape()), Arrays.toString(labels.shape())),
                    String.format("features and labels must be 2-d with the same number of rows, got features=%s, labels=%s",
                            Arrays.toString(features.shape()), Arrays.toString(labels.shape()))));
        }
        return new DataArrays(features, labels, null);
    }

    /** Row-major floats: {@code rows x featureColumns} features and {@code rows x labelColumns} labels (FLOAT arrays). */
    public static DataArrays ofRows(float[] features, int featureColumns, float[] labels, int labelColumns, int rows) {
        return of(Nd4j.create(features, new long[] {rows, featureColumns}, 'c'), Nd4j.create(labels, new long[] {rows, labelColumns}, 'c'));
    }

    public INDArray features() {
        return features;
    }

    public INDArray labels() {
        return labels;
    }

    /**
     * The per-example weights as an {@code n x 1} FLOAT column, or null when every example weighs 1. DL4J
     * takes them as a labels mask: its losses multiply each example's loss (and gradient) by its mask value.
     */
    public INDArray weights() {
        return weights;
    }

    /** These rows with per-example weights, one per row (checked by the caller), replacing any there were. */
    public DataArrays withWeights(double[] perExample) {
        float[] w = new float[perExample.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) perExample[i];
        }
        return new DataArrays(features, labels, Nd4j.create(w, new long[] {w.length, 1}, 'c'));
    }

    /** The weights as doubles, all 1 when none were given. */
    public double[] weightsOrOnes() {
        if (weights == null) {
            double[] ones = new double[rows()];
            Arrays.fill(ones, 1.0);
            return ones;
        }
        return weights.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    public int rows() {
        return (int) features.rows();
    }

    public int featureColumns() {
        return (int) features.columns();
    }

    public int labelColumns() {
        return (int) labels.columns();
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public DataArrays slice(int from, int to) {
        return new DataArrays(rowsOf(features, from, to).dup(), rowsOf(labels, from, to).dup(),
                weights == null ? null : rowsOf(weights, from, to).dup());
    }

    /** Rows {@code from} to {@code to} without copying: shares this memory, read-only use only. */
    public DataArrays view(int from, int to) {
        return new DataArrays(rowsOf(features, from, to), rowsOf(labels, from, to), weights == null ? null : rowsOf(weights, from, to));
    }

    /** Rows in the given order, copied. */
    public DataArrays select(int[] rows) {
        // getRows copies row by row; the weights move with their rows
        return new DataArrays(Nd4j.pullRows(features, 1, rows), Nd4j.pullRows(labels, 1, rows),
                weights == null ? null : Nd4j.pullRows(weights, 1, rows));
    }

    /** Each feature's mean and population standard deviation, in double precision: {mean, std}. */
    public double[][] featureMeanAndStd() {
        INDArray x = features.castTo(DataType.DOUBLE); // double sums: float loses digits over 60k rows
        return new double[][] {x.mean(0).toDoubleVector(), x.std(false, 0).toDoubleVector()}; // biasCorrected=false, as StandardScaler
    }

    /** These rows with every feature {@code (x - mean[j]) / std[j]}; labels and weights shared. */
    public DataArrays standardized(double[] mean, double[] std) {
        INDArray x = features.dup();
        INDArray meanRow = Nd4j.createFromArray(mean).castTo(x.dataType()).reshape(1, mean.length);
        INDArray stdRow = Nd4j.createFromArray(std).castTo(x.dataType()).reshape(1, std.length);
        return new DataArrays(x.subiRowVector(meanRow).diviRowVector(stdRow), labels, weights);
    }

    static INDArray rowsOf(INDArray a, int from, int to) {
        return from == 0 && to == a.rows() ? a : a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }
}
