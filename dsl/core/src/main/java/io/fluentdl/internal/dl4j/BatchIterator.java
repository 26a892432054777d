package io.fluentdl.internal.dl4j;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches over a data set's {@link DataArrays}; per-example weights go to DL4J as each batch's
 * labels mask (an {@code n x 1} column: DL4J's losses multiply each example's loss by it). With shuffling, each {@link #reset()} starts a new
 * epoch whose order is a permutation drawn from (seed, epoch), so runs are reproducible and do not
 * depend on how often the iterator was created.
 *
 * <p>Speed: shuffled rows are gathered with one native call per chunk of many batches into buffers
 * allocated once and reused every epoch, and each batch is a view of a buffer. Allocating fresh
 * off-heap arrays per batch (one {@code pullRows} per batch) cost 35-170 ms per 16k-example epoch on
 * our 2-core VM (page faults and allocator churn), the reused chunk 5 ms; that was most of the gap
 * between {@code Model.fit} and raw DL4J on pre-made batches. In-order batches are views of the
 * data itself (no copy). A batch is therefore valid only until the iterator moves past its chunk:
 * DL4J's synchronous fit consumes each batch before asking for the next, which is why
 * {@link #asyncSupported()} is false.
 *
 * <p>{@code Model.fit} keeps one iterator per model and data set, so the buffers survive across
 * {@code fit} calls, and starts each epoch with {@link #startEpoch(int)} at the network's own epoch
 * count: fitting 1 epoch twice sees the same batches as fitting 2 epochs once.
 */
public final class BatchIterator implements DataSetIterator {

    private final DataArrays data;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private int epoch;
    private int cursor;
    private int[] order;
    private final int chunkRows;
    private INDArray chunkFeatures;
    private INDArray chunkLabels;
    private INDArray chunkWeights;
    private int chunkStart = -1;
    private DataSetPreProcessor preProcessor;
    private BooleanSupplier stop = () -> false;

    /** Batches reshuffled every epoch from {@code seed} (epoch e's order depends on seed and e only); the last may be smaller. */
    public static BatchIterator shuffled(DataArrays data, int batchSize, long seed) {
        return new BatchIterator(data, batchSize, seed, true, CHUNK_BYTES);
    }

    /** Batches in storage order (views of the data, no copy). */
    public static BatchIterator inOrder(DataArrays data, int batchSize) {
        return new BatchIterator(data, batchSize, 0, false, CHUNK_BYTES);
    }

    /** With chunks of about {@code chunkBytes} of features (tests use tiny chunks to cross boundaries). */
    BatchIterator(DataArrays data, int batchSize, long seed, boolean shuffle, long chunkBytes) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(String.format("batchSize must be >= 1, got batchSize=%d", batchSize));
        }
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.shuffle = shuffle;
        this.chunkRows = chunkRows(data, batchSize, chunkBytes);
        startEpoch();
    }

    private void startEpoch() {
        cursor = 0;
        chunkStart = -1;
        order = shuffle ? permutation(data.rows(), seed * 1_000_003L + epoch) : null;
    }

    /** Whole batches per chunk, about {@code chunkBytes} of features, at least one batch. */
    private static int chunkRows(DataArrays data, int batchSize, long chunkBytes) {
        long rowBytes = Math.max(1, data.featureColumns()) * (long) data.features().dataType().width();
        long batches = Math.max(1, chunkBytes / (rowBytes * batchSize));
        return (int) Math.min(data.rows(), batches * batchSize);
    }

    /** 64 MiB: MNIST's 60,000 training images gather in 3 chunks; small data sets in one. */
    static final long CHUNK_BYTES = 64L << 20;

    /** Gathers the shuffled rows of the chunk holding {@code cursor} into the reused buffers. */
    private void fillChunk() {
        chunkStart = cursor;
        int rows = Math.min(chunkRows, data.rows() - cursor);
        if (chunkFeatures == null) {
            chunkFeatures = Nd4j.createUninitialized(data.features().dataType(), chunkRows, data.featureColumns());
            chunkLabels = Nd4j.createUninitialized(data.labels().dataType(), chunkRows, data.labelColumns());
            chunkWeights = data.weights() == null ? null : Nd4j.createUninitialized(data.weights().dataType(), chunkRows, 1);
        }
        int[] indexes = java.util.Arrays.copyOfRange(order, cursor, cursor + rows);
        Nd4j.pullRows(data.features(), rowsOf(chunkFeatures, 0, rows), 1, indexes);
        Nd4j.pullRows(data.labels(), rowsOf(chunkLabels, 0, rows), 1, indexes);
        if (chunkWeights != null) {
            Nd4j.pullRows(data.weights(), rowsOf(chunkWeights, 0, rows), 1, indexes); // weights stay with their rows
        }
    }

    private static INDArray rowsOf(INDArray a, int from, int to) {
        return DataArrays.rowsOf(a, from, to);
    }

    @Override
    public DataSet next(int num) {
        int end = Math.min(cursor + num, data.rows());
        DataSet batch;
        if (order == null) {
            INDArray f = rowsOf(data.features(), cursor, end);
            INDArray l = rowsOf(data.labels(), cursor, end);
            INDArray w = data.weights() == null ? null : rowsOf(data.weights(), cursor, end);
            // a pre-processor (a normalizer) works in place: give it a copy, never the data itself
            batch = preProcessor == null ? new DataSet(f, l, null, w) : new DataSet(f.dup(), l.dup(), null, w);
        } else {
            if (chunkStart < 0 || end > chunkStart + chunkRows) {
                fillChunk();
            }
            // a batch never straddles two chunks: chunks hold whole batches, only the epoch's last is short
            end = Math.min(end, chunkStart + chunkRows);
            batch = new DataSet(rowsOf(chunkFeatures, cursor - chunkStart, end - chunkStart),
                    rowsOf(chunkLabels, cursor - chunkStart, end - chunkStart), null,
                    chunkWeights == null ? null : rowsOf(chunkWeights, cursor - chunkStart, end - chunkStart));
        }
        cursor = end;
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return cursor < data.rows() && !stop.getAsBoolean();
    }

    /** Ends every epoch early once {@code stop} is true (a callback stopped training mid-epoch). */
    public void stopWhen(BooleanSupplier stop) {
        this.stop = stop;
    }

    @Override
    public int inputColumns() {
        return data.featureColumns();
    }

    @Override
    public int totalOutcomes() {
        return data.labelColumns();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** Starts the next epoch (a new order when shuffling). */
    @Override
    public void reset() {
        epoch++;
        startEpoch();
    }

    /** Starts epoch {@code epoch} (0-based) from its first batch; its order is drawn from (seed, epoch). */
    public void startEpoch(int epoch) {
        this.epoch = epoch;
        startEpoch();
    }

    /** Whether this iterator gives {@code batchSize} batches of {@code data} shuffled from {@code seed}. */
    public boolean serves(DataArrays data, int batchSize, long seed) {
        return this.data == data && this.batchSize == batchSize && this.seed == seed && shuffle;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }

    /** A seeded Fisher-Yates permutation of 0..n-1. */
    public static int[] permutation(int n, long seed) {
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
