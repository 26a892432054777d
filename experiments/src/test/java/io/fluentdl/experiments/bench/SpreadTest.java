package io.fluentdl.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void oddCountMedianIsTheMiddleValue() {
        Spread s = Spread.of(5, 1, 3);
        assertEquals(3, s.median());
        assertEquals(1, s.min());
        assertEquals(5, s.max());
        assertEquals(3, s.n());
    }

    @Test
    void evenCountMedianAveragesTheMiddlePair() {
        assertEquals(2.5, Spread.of(4, 1, 3, 2).median());
    }

    @Test
    void quartilesInterpolateLinearlyLikeNumpy() {
        // numpy.percentile([1,2,3,4,5,6,7,8], [25, 75]) = [2.75, 6.25]
        Spread s = Spread.of(8, 7, 6, 5, 4, 3, 2, 1);
        assertEquals(2.75, s.q1(), 1e-12);
        assertEquals(6.25, s.q3(), 1e-12);
    }

    @Test
    void oneValueIsItsOwnSpread() {
        Spread s = Spread.of(42);
        assertEquals(new Spread(1, 42, 42, 42, 42, 42), s);
        assertEquals(0, s.relativeRange());
    }

    @Test
    void inputIsNotReordered() {
        double[] v = {3, 1, 2};
        Spread.of(v);
        assertArrayEquals(new double[] {3, 1, 2}, v);
    }

    @Test
    void relativeRangeAndFormat() {
        Spread s = Spread.of(900, 1000, 1100);
        assertEquals(0.2, s.relativeRange(), 1e-12);
        assertEquals("1,000 (900–1,100)", s.format());
    }

    @Test
    void noMeasurementsIsAnError() {
        assertThrows(IllegalArgumentException.class, Spread::of);
    }
}
