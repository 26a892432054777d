package io.fluentdl.search;

/**
 * Chooses the point of the unit cube that trial {@code k} evaluates.
 *
 * <p>A point is a pure function of the sampler's settings (seed) and {@code k}: no hidden state,
 * so two runs with the same seed make the same trials, and a resumed search simply re-asks for the
 * numbers it has not finished. Each coordinate is in [0, 1]; {@link Hp#fromUnit} maps it to a value.
 *
 * <pre>{@code
 * Sampler random = Sampler.random(7);
 * Sampler grid = Sampler.grid(5);        // 5 points on each real axis, every value of a choice
 * Sampler halton = Sampler.halton(7);    // low-discrepancy: fills the cube more evenly than random
 * }</pre>
 */
public interface Sampler {

    /** The point of trial {@code k} (from 0) in {@code space}'s unit cube. */
    double[] point(int k, SearchSpace<?> space);

    /** How many distinct points there are: finite for a grid, {@link Integer#MAX_VALUE} otherwise. */
    default int size(SearchSpace<?> space) {
        return Integer.MAX_VALUE;
    }

    /** Name and settings, recorded with a study so a resume can check it continues the same sequence. */
    String describe();

    /** Independent uniform draws, seeded: the default (Bergstra &amp; Bengio 2012). */
    static Sampler random(long seed) {
        return new RandomSampler(seed);
    }

    /** A grid: every value of choices and bools, {@code pointsPerAxis} evenly spaced points on the others. */
    static Sampler grid(int pointsPerAxis) {
        return new GridSampler(pointsPerAxis);
    }

    /** The Halton sequence, shifted by a seeded random offset per axis (Cranley-Patterson rotation). */
    static Sampler halton(long seed) {
        return new HaltonSampler(seed);
    }
}
