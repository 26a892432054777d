package io.fluentdl.internal.dl4j;

import io.fluentdl.errors.InvalidConfigException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J side of a {@code MultiDataset}: one features matrix per named input and one labels matrix per
 * named output, all with one row per example. Operations return new instances; views share memory.
 */
public final class MultiArrays {

    private final Map<String, INDArray> inputs;
    private final Map<String, INDArray> outputs;

    private MultiArrays(Map<String, INDArray> inputs, Map<String, INDArray> outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /** Wraps the matrices (2-d, one row per example, the same number of rows in all). */
    public static MultiArrays of(Map<String, INDArray> inputs, Map<String, INDArray> outputs) {
        Map<String, INDArray> all = new LinkedHashMap<>(inputs);
        all.putAll(outputs);
        long rows = all.isEmpty() ? 0 : all.values().iterator().next().rows();
        for (Map.Entry<String, INDArray> e : all.entrySet()) {
            if (e.getValue().rank() != 2 || e.getValue().rows() != rows) {
                throw InvalidConfigException.of("MultiDataset", e.getKey(), Arrays.toString(e.getValue().shape()), String.format(
                        "every input and output must be a 2-d matrix with %d rows, got '%s' of shape %s", rows, e.getKey(),
                        Arrays.toString(e.getValue().shape())), "Give one row per example everywhere");
            }
        }
        return new MultiArrays(new LinkedHashMap<>(inputs), new LinkedHashMap<>(outputs));
    }

    /** Rows of doubles (checked rectangular) as FLOAT matrices. */
    public static MultiArrays fromRows(Map<String, double[][]> inputs, Map<String, double[][]> outputs) {
        Map<String, INDArray> in = new LinkedHashMap<>();
        inputs.forEach((k, v) -> in.put(k, Nd4j.createFromArray(v).castTo(DataType.FLOAT)));
        Map<String, INDArray> out = new LinkedHashMap<>();
        outputs.forEach((k, v) -> out.put(k, Nd4j.createFromArray(v).castTo(DataType.FLOAT)));
        return of(in, out);
    }

    public Map<String, INDArray> inputs() {
        return inputs;
    }

    public Map<String, INDArray> outputs() {
        return outputs;
    }

    public int rows() {
        INDArray any = inputs.isEmpty() ? outputs.values().iterator().next() : inputs.values().iterator().next();
        return (int) any.rows();
    }

    /** Rows {@code from} to {@code to} without copying. */
    public MultiArrays view(int from, int to) {
        return map(a -> DataArrays.rowsOf(a, from, to));
    }

    /** Rows in the given order, copied. */
    public MultiArrays select(int[] rows) {
        return map(a -> Nd4j.pullRows(a, 1, rows));
    }

    private MultiArrays map(UnaryOperator<INDArray> f) {
        Map<String, INDArray> in = new LinkedHashMap<>();
        inputs.forEach((k, v) -> in.put(k, f.apply(v)));
        Map<String, INDArray> out = new LinkedHashMap<>();
        outputs.forEach((k, v) -> out.put(k, f.apply(v)));
        return new MultiArrays(in, out);
    }
}
