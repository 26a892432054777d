package io.fluentdl.search;

import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Chooses the point of the unit cube that trial {@code k} evaluates.
 *
 * <p>For random, grid and Halton a point is a pure function of the sampler's settings (seed) and
 * {@code k}: no hidden state, so two runs with the same seed make the same trials, and a resumed
 * search simply re-asks for the numbers it has not finished. TPE also learns from the trials that
 * have finished when trial k starts (see {@link TpeSampler}); it keeps no state either, so a resumed
 * search, which passes it the study's finished trials, continues as the uninterrupted one would.
 * Each coordinate is in [0, 1]; {@link Hp#fromUnit} maps it to a value.
 *
 * <pre>{@code
 * Sampler random = Sampler.random(7);
 * Sampler grid = Sampler.grid(5);        // 5 points on each real axis, every value of a choice
 * Sampler halton = Sampler.halton(7);    // low-discrepancy: fills the cube more evenly than random
 * Sampler tpe = Sampler.tpe(7);          // Bayesian: random for 10 trials, then where good trials were
 * }</pre>
 */
public interface Sampler {

    /** The point of trial {@code k} (from 0) in {@code space}'s unit cube, knowing no results. */
    double[] point(int k, SearchSpace<?> space);

    /**
     * The point of trial {@code k} given the trials that have finished; the search calls this one.
     * Samplers that do not learn ignore the trials; the default returns {@link #point(int, SearchSpace)}.
     *
     * @param finished trials finished so far, in any order, whose units are points of {@code space}
     *                 (the search passes those of the current coarse-to-fine round)
     * @param goal     whether larger or smaller scores are better
     */
    default double[] point(int k, SearchSpace<?> space, List<TrialResult> finished, Goal goal) {
        return point(k, space);
    }

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

    /**
     * Tree-structured Parzen Estimator (Bergstra et al. 2011) with Optuna's defaults: random search's
     * first {@value TpeSampler#DEFAULT_STARTUP_TRIALS} points, then points where the good trials were.
     */
    static TpeSampler tpe(long seed) {
        return new TpeSampler(seed, TpeSampler.DEFAULT_STARTUP_TRIALS, TpeSampler.DEFAULT_CANDIDATES,
                TpeSampler.DEFAULT_GAMMA);
    }

    /**
     * An Arbiter generator as a sampler: point k is its k-th candidate over the space's leaves
     * ({@link Hp#parameterSpace()}). Use it to run Arbiter's {@code GridSearchCandidateGenerator} or
     * {@code RandomSearchGenerator} (seed it: its default seed is the clock) with FluentDL's pruning,
     * study, resume and report.
     *
     * @param name    recorded with a study, so a resume can check it runs the same generator
     * @param factory the generator for the space's leaves (an Arbiter {@code ParameterSpace} whose value is
     *                the point of the unit cube)
     */
    static Sampler fromArbiter(String name, Function<ParameterSpace<double[]>, CandidateGenerator> factory) {
        return new ArbiterSampler(name, factory);
    }

    /**
     * A FluentDL sampler (TPE, Halton, random, grid) as an Arbiter {@code CandidateGenerator} over
     * {@code space}, for Arbiter's {@code LocalOptimizationRunner}: candidate k is the sampler's point k,
     * built by the template; the scores Arbiter reports back feed TPE.
     *
     * @param samplerForSeed e.g. {@code Sampler::tpe}; Arbiter's {@code rngSeed} reseeds it
     * @param goal           whether Arbiter's score function is maximised or minimised
     */
    static <T> CandidateGenerator toArbiter(LongFunction<Sampler> samplerForSeed, long seed, SearchSpace<T> space,
                                            Goal goal) {
        return new SamplerGenerator<>(samplerForSeed, seed, space, goal);
    }
}
