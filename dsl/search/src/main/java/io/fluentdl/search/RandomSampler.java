package io.fluentdl.search;

import io.fluentdl.internal.arbiter.ArbiterDraws;
import io.fluentdl.internal.arbiter.RandomStreams;

/**
 * Uniform random points, drawn by Arbiter's {@code RandomSearchGenerator} over the space's leaves;
 * trial k's point comes from its own stream, seeded by a hash of (seed, k), so it does not depend
 * on how many trials ran before or in which order.
 */
final class RandomSampler implements Sampler {

    private final long seed;

    RandomSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public double[] point(int k, SearchSpace<?> space) {
        if (space.dimensions() == 0) {
            return new double[0];
        }
        return ArbiterDraws.random(SearchSpaceAdapter.units(space), RandomStreams.of(seed, k));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as in SplittableRandom. */
    static long mix64(long z) {
        return RandomStreams.mix64(z);
    }

    @Override
    public String describe() {
        return String.format("random(seed=%d)", seed);
    }

    @Override
    public String toString() {
        return describe();
    }
}
