package io.fluentdl.internal.dl4j;

import io.fluentdl.Model;
import io.fluentdl.data.Dataset;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The native row gather (pullRows into reused chunk buffers) gives exactly the rows getRows gives, for c-
 * and f-ordered data, across chunk boundaries and epochs; in-order batches are views that a
 * pre-processor cannot write through.
 */
class BatchIteratorTest {

    @Test
    void shuffledBatchesAreTheRowsOfTheSeededPermutation() {
        for (char order : new char[] {'c', 'f'}) {
            INDArray features = Nd4j.rand(DataType.FLOAT, 10, 3).dup(order);
            INDArray labels = Nd4j.rand(DataType.FLOAT, 10, 2).dup(order);
            DataArrays data = DataArrays.of(features, labels);
            DataSetIterator it = BatchIterator.shuffled(data, 4, 7);
            it.reset(); // epoch 1
            int[] perm = BatchIterator.permutation(10, 7 * 1_000_003L + 1);
            int from = 0;
            while (it.hasNext()) {
                DataSet batch = it.next();
                int[] rows = java.util.Arrays.copyOfRange(perm, from, Math.min(10, from + 4));
                assertEquals(features.getRows(rows), batch.getFeatures(), "order " + order);
                assertEquals(labels.getRows(rows), batch.getLabels(), "order " + order);
                from += rows.length;
            }
            assertEquals(10, from);
        }
    }

    @Test
    void chunkedGatherGivesTheSameBatchesAcrossChunkBoundariesAndEpochs() {
        INDArray features = Nd4j.rand(DataType.FLOAT, 23, 3);
        INDArray labels = Nd4j.rand(DataType.FLOAT, 23, 2);
        DataArrays data = DataArrays.of(features, labels);
        // 3 floats x 4 bytes x batch 4 = 48 bytes per batch: 100 bytes hold 2 batches, so 23 rows
        // (6 batches, the last of 3) need 3 chunks of 8 rows, refilled every epoch
        DataSetIterator chunked = new BatchIterator(data, 4, 5, true, 100);
        for (int epoch = 0; epoch < 3; epoch++) {
            if (epoch > 0) {
                chunked.reset();
            }
            int[] perm = BatchIterator.permutation(23, 5 * 1_000_003L + epoch);
            int from = 0;
            while (chunked.hasNext()) {
                DataSet batch = chunked.next();
                int[] rows = java.util.Arrays.copyOfRange(perm, from, Math.min(23, from + 4));
                assertEquals(features.getRows(rows), batch.getFeatures(), "epoch " + epoch + " from " + from);
                assertEquals(labels.getRows(rows), batch.getLabels(), "epoch " + epoch + " from " + from);
                from += rows.length;
            }
            assertEquals(23, from, "epoch " + epoch);
        }
    }

    @Test
    void inOrderBatchesAreTheRowsAndAPreProcessorNeverWritesToTheData() {
        INDArray features = Nd4j.arange(20).castTo(DataType.FLOAT).reshape(10, 2);
        INDArray before = features.dup();
        DataArrays data = DataArrays.of(features, features.dup());
        DataSetIterator it = BatchIterator.inOrder(data, 4);
        it.setPreProcessor(ds -> ds.getFeatures().muli(0)); // an in-place normalizer
        int from = 0;
        while (it.hasNext()) {
            DataSet batch = it.next();
            assertEquals(0.0, batch.getFeatures().sumNumber().doubleValue(), 0.0);
            from += batch.numExamples();
        }
        assertEquals(10, from);
        assertEquals(before, features, "the data set's own rows must be untouched");
        DataSetIterator plain = BatchIterator.inOrder(data, 4);
        assertEquals(features.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 8),
                org.nd4j.linalg.indexing.NDArrayIndex.all()), skip(plain, 1).getFeatures());
    }

    private static DataSet skip(DataSetIterator it, int batches) {
        for (int i = 0; i < batches; i++) {
            it.next();
        }
        return it.next();
    }

    @Test
    void viewSharesMemoryAndChecksItsRange() {
        INDArray features = Nd4j.arange(12).castTo(DataType.FLOAT).reshape(6, 2);
        Dataset data = Model.dataset(features, features.dup());
        Dataset view = data.view(2, 5);
        assertEquals(features.getRows(2, 3, 4), io.fluentdl.internal.dl4j.DataAccess.arrays(view).features());
        features.putScalar(3, 0, -1f);
        assertEquals(-1f, io.fluentdl.internal.dl4j.DataAccess.arrays(view).features().getFloat(1, 0), 0f, "a view shares the data's memory");
        io.fluentdl.errors.InvalidConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.fluentdl.errors.InvalidConfigException.class, () -> data.view(4, 7));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("got from=4, to=7, size=6"), e.getMessage());
    }

    @Test
    void selectKeepsTheGivenOrder() {
        INDArray features = Nd4j.arange(12).castTo(DataType.FLOAT).reshape(6, 2);
        Dataset picked = Model.dataset(features, features.dup()).select(new int[] {5, 0, 3});
        assertEquals(features.getRows(5, 0, 3), io.fluentdl.internal.dl4j.DataAccess.arrays(picked).features());
    }
}
