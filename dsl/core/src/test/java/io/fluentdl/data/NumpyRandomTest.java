package io.fluentdl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fluentdl.errors.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected values come from numpy 2.4.6's legacy {@code np.random.RandomState}. */
class NumpyRandomTest {

    @Test
    void mt19937MatchesReferenceOutputsForSeed5489() {
        // Matsumoto & Nishimura's mt19937ar.c with init_genrand(5489); numpy gives the same.
        NumpyRandom rng = new NumpyRandom(5489);
        long[] expected = {3499211612L, 581869302L, 3890346734L, 3586334585L, 545404204L};
        for (long e : expected) {
            assertEquals(e, rng.nextUint32());
        }
    }

    @Test
    void seedsAtBothEndsOfTheRangeMatchNumpy() {
        NumpyRandom zero = new NumpyRandom(0);
        assertEquals(2357136044L, zero.nextUint32());
        assertEquals(2546248239L, zero.nextUint32());
        assertEquals(3071714933L, zero.nextUint32());

        NumpyRandom max = new NumpyRandom(NumpyRandom.MAX_SEED);
        assertEquals(419326371L, max.nextUint32());
        assertEquals(479346978L, max.nextUint32());
        assertEquals(3918654476L, max.nextUint32());
        assertEquals(0.5626933782475836, max.randomSample(), 0.0);
    }

    @Test
    void randomSampleMatchesNumpyBitForBit() {
        NumpyRandom rng = new NumpyRandom(1);
        assertEquals(0.417022004702574, rng.randomSample(), 0.0);
        assertEquals(0.7203244934421581, rng.randomSample(), 0.0);
        assertEquals(0.00011437481734488664, rng.randomSample(), 0.0);
    }

    @Test
    void shuffleMatchesNumpyLegacyShuffle() {
        int[] small = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        new NumpyRandom(42).shuffle(small);
        assertArrayEquals(new int[] {8, 1, 5, 0, 7, 2, 9, 4, 3, 6}, small);

        int[] large = new int[1000];
        for (int i = 0; i < large.length; i++) {
            large[i] = i;
        }
        new NumpyRandom(0).shuffle(large);
        assertArrayEquals(new int[] {993, 859, 298, 553, 672, 971, 27, 231, 306, 706},
                java.util.Arrays.copyOf(large, 10));
    }

    @Test
    void standardNormalMatchesNumpyIncludingTheCachedSecondValue() {
        NumpyRandom rng = new NumpyRandom(42);
        // Pairs come from one polar Box-Muller step: the 2nd and 4th values are the cached ones.
        double[] expected = {0.4967141530112327, -0.13826430117118466, 0.6476885381006925, 1.5230298564080254};
        for (double e : expected) {
            assertEquals(e, rng.standardNormal(), Math.ulp(e));
        }
    }

    @Test
    void normalScalesTheStandardDraw() {
        NumpyRandom rng = new NumpyRandom(7);
        double[] expected = {0.845262851900178, -0.2329686852704164, 0.0164100818392922, 0.20375814149825391,
                -0.3944615143128693};
        for (double e : expected) {
            assertEquals(e, rng.normal(0.0, 0.5), Math.ulp(e));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {-1L, 4294967296L})
    void seedOutsideNumpysRangeIsRejected(long seed) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new NumpyRandom(seed));
        assertEquals("seed", e.problems().get(0).parameter());
        assertEquals(seed, e.problems().get(0).value());
        assertEquals(String.format("NumpyRandom: seed must be in [0, 4294967295] like numpy's RandomState, got seed=%d.",
                seed), e.getMessage());
    }
}
