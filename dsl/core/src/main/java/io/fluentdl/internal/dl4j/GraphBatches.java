package io.fluentdl.internal.dl4j;

import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * Mini-batches of a {@link MultiArrays} for a {@code ComputationGraph}, reshuffled every epoch with the
 * order {@link BatchIterator} draws for the same (seed, epoch): a one-input graph sees the batches a
 * sequential model would. Each batch is gathered (copied) from the data.
 */
final class GraphBatches implements MultiDataSetIterator {

    private final MultiArrays data;
    private final int batchSize;
    private final long seed;
    private final String[] inputs;
    private final String[] outputs;
    private int[] order;
    private int cursor;
    private int epoch;
    private BooleanSupplier stop = () -> false;
    private MultiDataSetPreProcessor preProcessor;

    GraphBatches(MultiArrays data, int batchSize, long seed, String[] inputs, String[] outputs) {
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.inputs = inputs;
        this.outputs = outputs;
        startEpoch(0);
    }

    /** Starts epoch {@code e}: its order depends on the seed and {@code e} only. */
    void startEpoch(int e) {
        epoch = e;
        cursor = 0;
        order = BatchIterator.permutation(data.rows(), seed * 1_000_003L + epoch);
    }

    /** Ends the epoch early when {@code condition} holds (a callback asked to stop). */
    void stopWhen(BooleanSupplier condition) {
        this.stop = condition;
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length && !stop.getAsBoolean();
    }

    @Override
    public MultiDataSet next() {
        return next(batchSize);
    }

    @Override
    public MultiDataSet next(int num) {
        int to = Math.min(order.length, cursor + num);
        int[] rows = java.util.Arrays.copyOfRange(order, cursor, to);
        cursor = to;
        MultiArrays batch = data.select(rows);
        INDArray[] features = new INDArray[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            features[i] = batch.inputs().get(inputs[i]);
        }
        INDArray[] labels = new INDArray[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            labels[i] = batch.outputs().get(outputs[i]);
        }
        org.nd4j.linalg.dataset.MultiDataSet set = new org.nd4j.linalg.dataset.MultiDataSet(features, labels);
        if (preProcessor != null) {
            preProcessor.preProcess(set);
        }
        return set;
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** DL4J resets before each pass; the epoch's order stays until {@link #startEpoch}. */
    @Override
    public void reset() {
        cursor = 0;
    }
}
