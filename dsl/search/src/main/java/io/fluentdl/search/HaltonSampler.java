package io.fluentdl.search;

import java.util.SplittableRandom;

/**
 * The Halton low-discrepancy sequence: axis d of point k is the radical inverse of k + 1 in the
 * d-th prime base, shifted modulo 1 by a seeded offset per axis (a Cranley-Patterson rotation, so
 * different seeds give different but equally even designs). Cheap and good up to about ten axes.
 */
final class HaltonSampler implements Sampler {

    private static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71,
        73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173};

    private final long seed;

    HaltonSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public double[] point(int k, SearchSpace<?> space) {
        int d = space.dimensions();
        if (d > PRIMES.length) {
            throw new IllegalArgumentException(String.format(
                    "Halton supports up to %d searched Hps, got %d; use Sampler.random", PRIMES.length, d));
        }
        SplittableRandom shifts = new SplittableRandom(seed);
        double[] u = new double[d];
        for (int axis = 0; axis < d; axis++) {
            double x = radicalInverse(k + 1L, PRIMES[axis]) + shifts.nextDouble();
            u[axis] = x >= 1 ? x - 1 : x;
        }
        return u;
    }

    /** The digits of {@code n} in {@code base}, mirrored about the radix point. */
    static double radicalInverse(long n, int base) {
        double inverse = 0;
        double scale = 1.0 / base;
        while (n > 0) {
            inverse += (n % base) * scale;
            n /= base;
            scale /= base;
        }
        return inverse;
    }

    @Override
    public String describe() {
        return String.format("halton(seed=%d)", seed);
    }

    @Override
    public String toString() {
        return describe();
    }
}
