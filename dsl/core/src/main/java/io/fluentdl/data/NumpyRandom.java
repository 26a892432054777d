package io.fluentdl.data;

import io.fluentdl.errors.InvalidConfigException;

/**
 * A bit-exact port of the parts of numpy's legacy {@code numpy.random.RandomState} that
 * scikit-learn's {@code make_circles} uses: the MT19937 generator, {@code random_sample},
 * {@code shuffle} of a 1-d array and {@code normal}.
 *
 * <p>Use it when a data set must reproduce a published Python run number for number: the same
 * seed gives the same stream as {@code np.random.RandomState(seed)}. For anything else prefer
 * {@link java.util.SplittableRandom}, which is faster and has no 32-bit seed limit.
 *
 * <pre>{@code
 * NumpyRandom rng = new NumpyRandom(1);
 * rng.randomSample();   // 0.417022004702574, as np.random.RandomState(1).random_sample()
 * }</pre>
 *
 * <p>Not thread-safe (neither is one {@code RandomState} without its lock). Maps to no DL4J class.
 */
public final class NumpyRandom {

    /** The largest seed numpy's legacy seeding accepts: {@value}. */
    public static final long MAX_SEED = 0xFFFF_FFFFL;

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index;
    private boolean hasGauss;
    private double gauss;

    /**
     * Seeds the generator as {@code np.random.RandomState(seed)} does for an integer seed
     * (Matsumoto and Nishimura's {@code init_genrand}).
     *
     * @param seed 0 to {@value #MAX_SEED}; numpy rejects anything else, and so do we rather than
     *             silently produce a stream that numpy cannot
     */
    public NumpyRandom(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw InvalidConfigException.of("NumpyRandom", "seed", seed,
                    String.format("seed must be in [0, %d] like numpy's RandomState, got seed=%d", MAX_SEED, seed),
                    "");
        }
        // Java ints wrap modulo 2^32, which is exactly the "& 0xffffffff" of the C reference.
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** The next raw 32-bit output, as an unsigned value in a {@code long} (0 to 2^32 - 1). */
    public long nextUint32() {
        return nextInt() & 0xFFFF_FFFFL;
    }

    private int nextInt() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        index = 0;
    }

    /**
     * A uniform double in [0, 1) with 53 random bits, as {@code RandomState.random_sample()}:
     * 27 bits from one output and 26 from the next.
     */
    public double randomSample() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /**
     * A uniform integer in [0, max], drawn as numpy's {@code random_interval}: mask the raw output
     * to the smallest all-ones bit pattern covering {@code max} and reject values above it.
     * Only the 32-bit path exists here, which is all an int array index needs.
     */
    int randomInterval(int max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return (int) value;
    }

    /**
     * Shuffles in place as {@code RandomState.shuffle} does for a 1-d array: a backward
     * Fisher-Yates pass that swaps {@code a[i]} with {@code a[randomInterval(i)]} for i = n-1 down to 1.
     */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = randomInterval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * A standard normal draw, as numpy's legacy {@code gauss}: the polar Box-Muller method, which
     * makes two values per accepted pair, returns one and keeps the other for the next call.
     */
    public double standardNormal() {
        if (hasGauss) {
            hasGauss = false;
            double cached = gauss;
            gauss = 0.0;
            return cached;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * randomSample() - 1.0;
            x2 = 2.0 * randomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        // StrictMath: fdlibm's log, the same correctly rounded result as the C library in practice,
        // and the same on every JVM (Math.log may use a different intrinsic per platform).
        double f = Math.sqrt(-2.0 * StrictMath.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /**
     * A normal draw with mean {@code loc} and standard deviation {@code scale}, as
     * {@code RandomState.normal(loc, scale)}: {@code loc + scale * standardNormal()}.
     */
    public double normal(double loc, double scale) {
        return loc + scale * standardNormal();
    }
}
