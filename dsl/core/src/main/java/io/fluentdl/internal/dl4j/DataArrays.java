package io.fluentdl.internal.dl4j;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The ND4J side of a {@code Dataset}: a features matrix and a labels matrix with one row per example.
 * {@code Dataset} keeps its names and rules and hands the arrays to the trainer through this class, so
 * that no public data type shows ND4J. Operations return new instances; views share memory.
 */
public final class DataArrays {

    private final INDArray features;
    private final INDArray labels;

    private DataArrays(INDArray features, INDArray labels) {
        this.features = features;
        this.labels = labels;
    }

    /** Wraps features (n x d) and labels (n x k); both must be 2-d with the same number of rows. */
    public static DataArrays of(INDArray features, INDArray labels) {
        if (features.rank() != 2 || labels.rank() != 2 || features.rows() != labels.rows()) {
            throw new InvalidConfigException(Problem.of("Dataset", "shape",
                    String.format("features=%s labels=%s", Arrays.toString(features.shape()), Arrays.toString(labels.shape())),
                    String.format("features and labels must be 2-d with the same number of rows, got features=%s, labels=%s",
                            Arrays.toString(features.shape()), Arrays.toString(labels.shape()))));
        }
        return new DataArrays(features, labels);
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
        return new DataArrays(rowsOf(features, from, to).dup(), rowsOf(labels, from, to).dup());
    }

    /** Rows {@code from} to {@code to} without copying: shares this memory, read-only use only. */
    public DataArrays view(int from, int to) {
        return new DataArrays(rowsOf(features, from, to), rowsOf(labels, from, to));
    }

    /** Rows in the given order, copied. */
    public DataArrays select(int[] rows) {
        return new DataArrays(Nd4j.pullRows(features, 1, rows), Nd4j.pullRows(labels, 1, rows)); // getRows copies row by row
    }

    /** Each feature's mean and population standard deviation, in double precision: {mean, std}. */
    public double[][] featureMeanAndStd() {
        INDArray x = features.castTo(DataType.DOUBLE); // double sums: float loses digits over 60k rows
        return new double[][] {x.mean(0).toDoubleVector(), x.std(false, 0).toDoubleVector()}; // biasCorrected=false, as StandardScaler
    }

    /** These rows with every feature {@code (x - mean[j]) / std[j]}; labels shared. */
    public DataArrays standardized(double[] mean, double[] std) {
        INDArray x = features.dup();
        INDArray meanRow = Nd4j.createFromArray(mean).castTo(x.dataType()).reshape(1, mean.length);
        INDArray stdRow = Nd4j.createFromArray(std).castTo(x.dataType()).reshape(1, std.length);
        return new DataArrays(x.subiRowVector(meanRow).diviRowVector(stdRow), labels);
    }

    static INDArray rowsOf(INDArray a, int from, int to) {
        return from == 0 && to == a.rows() ? a : a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }
}
