package io.fluentdl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/** The native row gather (pullRows) gives exactly the rows getRows gave, for c- and f-ordered data. */
class ShufflingBatchIteratorTest {

    @Test
    void shuffledBatchesAreTheRowsOfTheSeededPermutation() {
        for (char order : new char[] {'c', 'f'}) {
            INDArray features = Nd4j.rand(DataType.FLOAT, 10, 3).dup(order);
            INDArray labels = Nd4j.rand(DataType.FLOAT, 10, 2).dup(order);
            Dataset data = Dataset.of(features, labels);
            DataSetIterator it = data.batches(4, 7);
            it.reset(); // epoch 1
            int[] perm = Dataset.permutation(10, 7 * 1_000_003L + 1);
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
    void selectKeepsTheGivenOrder() {
        INDArray features = Nd4j.arange(12).castTo(DataType.FLOAT).reshape(6, 2);
        Dataset picked = Dataset.of(features, features.dup()).select(new int[] {5, 0, 3});
        assertEquals(features.getRows(5, 0, 3), picked.features());
    }
}
