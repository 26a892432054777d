package io.fluentdl.internal.dl4j.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class DirectGemmTest {

    /** An m x n matrix of the given order with values that are exact in float, so every product is too. */
    private static INDArray matrix(DataType type, char order, int m, int n, int seed) {
        INDArray x = Nd4j.create(type, new long[] {m, n}, order);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                x.putScalar(i, j, ((i * 7 + j * 3 + seed) % 11) - 5);
            }
        }
        return x;
    }

    @Test
    void everyOrderAndTransposeGivesTheProductComputedByHand() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (char oa : new char[] {'c', 'f'}) {
                for (char ob : new char[] {'c', 'f'}) {
                    for (char oc : new char[] {'c', 'f'}) {
                        for (boolean ta : new boolean[] {false, true}) {
                            for (boolean tb : new boolean[] {false, true}) {
                                // op(a) is 5x4, op(b) is 4x3
                                INDArray a = ta ? matrix(type, oa, 4, 5, 1) : matrix(type, oa, 5, 4, 1);
                                INDArray b = tb ? matrix(type, ob, 3, 4, 2) : matrix(type, ob, 4, 3, 2);
                                INDArray c = Nd4j.create(type, new long[] {5, 3}, oc).assign(99);
                                DirectGemm.gemm(a, b, c, ta, tb);
                                INDArray opA = ta ? a.transpose() : a;
                                INDArray opB = tb ? b.transpose() : b;
                                for (int i = 0; i < 5; i++) {
                                    for (int j = 0; j < 3; j++) {
                                        double sum = 0;
                                        for (int k = 0; k < 4; k++) {
                                            sum += opA.getDouble(i, k) * opB.getDouble(k, j);
                                        }
                                        String where = type + " " + oa + ob + oc + " ta=" + ta + " tb=" + tb + " at " + i + "," + j;
                                        assertEquals(sum, c.getDouble(i, j), 0.0, where);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void sameBitsAsNd4jGemmOnTheEngineShapes() {
        // the engine's three products (forward, weight gradient, input gradient) with DL4J's layouts:
        // activations in C order, weights and their gradient F-order views of the flat parameter vector
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 20).subi(0.5);
        INDArray params = Nd4j.rand(DataType.FLOAT, 1, 20 * 7 + 7).subi(0.5);
        INDArray w = params.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 140)).reshape('f', 20, 7);
        INDArray delta = Nd4j.rand(DataType.FLOAT, 32, 7).subi(0.5);
        INDArray grads = Nd4j.create(DataType.FLOAT, 1, 147);
        INDArray dW = grads.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 140)).reshape('f', 20, 7);

        INDArray z = Nd4j.create(DataType.FLOAT, 32, 7);
        DirectGemm.gemm(x, w, z, false, false);
        assertEquals(Nd4j.gemm(x, w, Nd4j.create(DataType.FLOAT, 32, 7), false, false, 1.0, 0.0), z);
        DirectGemm.gemm(x, delta, dW, true, false);
        assertEquals(Nd4j.gemm(x, delta, Nd4j.create(DataType.FLOAT, new long[] {20, 7}, 'f'), true, false, 1.0, 0.0), dW);
        INDArray eps = Nd4j.create(DataType.FLOAT, 32, 20);
        DirectGemm.gemm(delta, w, eps, false, true);
        assertEquals(Nd4j.gemm(delta, w, Nd4j.create(DataType.FLOAT, 32, 20), false, true, 1.0, 0.0), eps);
    }

    @Test
    void anOffsetViewIsReadFromItsOwnFirstElement() {
        INDArray big = matrix(DataType.FLOAT, 'c', 6, 4, 3);
        INDArray rows = big.get(NDArrayIndex.interval(2, 5), NDArrayIndex.all()); // rows 2-4: offset 8, contiguous
        assertTrue(DirectGemm.direct(rows, Nd4j.eye(4).castTo(DataType.FLOAT), Nd4j.create(DataType.FLOAT, 3, 4)));
        INDArray c = Nd4j.create(DataType.FLOAT, 3, 4);
        DirectGemm.gemm(rows, Nd4j.eye(4).castTo(DataType.FLOAT), c, false, false);
        assertEquals(rows.dup(), c);
        // a weight matrix behind another one in a flat parameter vector, as DL4J's second layer has it
        INDArray params = matrix(DataType.FLOAT, 'c', 1, 12 + 6, 4);
        INDArray w2 = params.get(NDArrayIndex.point(0), NDArrayIndex.interval(12, 18)).reshape('f', 3, 2);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 1, 3);
        INDArray colSums = Nd4j.create(DataType.FLOAT, 1, 2);
        DirectGemm.gemm(ones, w2, colSums, false, false);
        assertEquals(w2.sum(0).reshape(1, 2), colSums);
    }

    @Test
    void stridedViewsAndMixedTypesGoToNd4j() {
        INDArray everyOtherColumn = Nd4j.rand(DataType.FLOAT, 4, 6).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 6));
        INDArray b = Nd4j.rand(DataType.FLOAT, 3, 2);
        INDArray c = Nd4j.create(DataType.FLOAT, 4, 2);
        assertFalse(DirectGemm.direct(everyOtherColumn, b, c));
        assertFalse(DirectGemm.direct(Nd4j.rand(DataType.DOUBLE, 4, 3), b, c));
        DirectGemm.gemm(everyOtherColumn, b, c, false, false); // falls back, still right
        assertEquals(everyOtherColumn.mmul(b), c);
    }

    @Test
    void aProductSplitInTwoOnTwoThreadsEqualsTheWholeOne() {
        // 2^26 multiply-adds or more split: by c's rows or by its columns (the larger side), every transpose, both orders
        INDArray wide = Nd4j.rand(DataType.FLOAT, 512, 256).subi(0.5);      // x: 512 examples of 256
        INDArray w = Nd4j.rand(DataType.FLOAT, 'f', 256, 1024).subi(0.5);   // a weight matrix, F order as DL4J keeps it
        INDArray delta = Nd4j.rand(DataType.FLOAT, 512, 1024).subi(0.5);
        assertTrue((long) 512 * 256 * 1024 >= DirectGemm.SPLIT_MIN_MACS);
        INDArray[][] cases = {
                {wide, w, Nd4j.create(DataType.FLOAT, 512, 1024)},               // forward: z = x·W
                {wide, delta, Nd4j.create(DataType.FLOAT, new long[] {256, 1024}, 'f')}, // weight gradient xᵀ·δ
                {delta, w, Nd4j.create(DataType.FLOAT, 512, 256)}};              // input gradient δ·Wᵀ
        boolean[][] transposes = {{false, false}, {true, false}, {false, true}};
        for (int i = 0; i < cases.length; i++) {
            INDArray a = cases[i][0];
            INDArray b = cases[i][1];
            boolean ta = transposes[i][0];
            boolean tb = transposes[i][1];
            INDArray whole = cases[i][2].dup(cases[i][2].ordering());
            DirectGemm.gemm(a, b, whole, ta, tb);
            INDArray split = cases[i][2];
            DirectGemm.setThreads(2);
            DirectGemm.ownPool(true);
            try {
                assertTrue(DirectGemm.splits((int) whole.columns(), (int) whole.rows(), (int) (ta ? a.rows() : a.columns())));
                DirectGemm.gemm(a, b, split, ta, tb);
            } finally {
                DirectGemm.ownPool(false);
                DirectGemm.setThreads(1);
            }
            double scale = whole.amaxNumber().doubleValue();
            assertEquals(0.0, whole.sub(split).amaxNumber().doubleValue() / scale, 1e-6, "case " + i);
            INDArray expected = Nd4j.gemm(a, b, Nd4j.create(DataType.FLOAT, whole.shape(), whole.ordering()), ta, tb, 1.0, 0.0);
            assertEquals(0.0, expected.sub(split).amaxNumber().doubleValue() / scale, 1e-5, "case " + i + " against Nd4j.gemm");
        }
    }
}
