package io.fluentdl.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void binsMatchAHandComputedCase() {
        // 0..10 in 5 bins of width 2: [0,2) [2,4) [4,6) [6,8) [8,10]; the last bin is closed (numpy)
        Histogram h = Histogram.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5);
        assertArrayEquals(new long[] {2, 2, 2, 2, 3}, h.counts());
        assertEquals(0.0, h.min());
        assertEquals(10.0, h.max());
        assertEquals(5.0, h.mean(), 1e-12);
        assertEquals(Math.sqrt(10.0), h.std(), 1e-12); // population variance of 0..10 is 10
        assertEquals(2.0, h.binWidth());
    }

    @Test
    void unevenValuesLandInTheirBins() {
        // range [-1, 2], 3 bins: [-1,0) [0,1) [1,2]
        Histogram h = Histogram.of(new double[] {-1, -0.5, 0, 0.25, 0.999, 1, 2, 2}, 3);
        assertArrayEquals(new long[] {2, 3, 3}, h.counts());
    }

    @Test
    void countsSumToTheTensorSize() {
        Random random = new Random(3);
        double[] values = new double[12_345];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * 0.07;
        }
        Histogram h = Histogram.of(values, Histogram.DEFAULT_BINS);
        assertEquals(values.length, h.count());
        assertEquals(Histogram.DEFAULT_BINS, h.counts().length);
        assertEquals(0, h.nonFinite());
    }

    @Test
    void equalValuesAreCountedInTheFirstBin() {
        Histogram h = Histogram.of(new double[] {0, 0, 0, 0}, 4);
        assertArrayEquals(new long[] {4, 0, 0, 0}, h.counts());
        assertEquals(0.0, h.std());
    }

    @Test
    void nonFiniteValuesAreCountedApart() {
        Histogram h = Histogram.of(new double[] {1, Double.NaN, 3, Double.POSITIVE_INFINITY}, 2);
        assertArrayEquals(new long[] {1, 1}, h.counts());
        assertEquals(2, h.nonFinite());
        assertEquals(1.0, h.min());
        assertEquals(3.0, h.max());
        assertEquals(2.0, h.mean());
    }

    @Test
    void scalingKeepsCountsAndScalesTheRest() {
        Histogram h = Histogram.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5);
        Histogram half = h.scaled(0.5);
        assertEquals(Histogram.of(new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5}, 5), half);
    }

    @Test
    void binsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[1], 0));
        assertTrue(e.getMessage().contains("bins must be >= 1, got bins=0"), e.getMessage());
    }
}
