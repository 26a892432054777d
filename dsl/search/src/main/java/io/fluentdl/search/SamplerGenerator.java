package io.fluentdl.search;

import io.fluentdl.internal.arbiter.ArbiterCandidates;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * A FluentDL {@link Sampler} (TPE, Halton, random, grid) as Arbiter's {@link CandidateGenerator}, so
 * Arbiter's own {@code LocalOptimizationRunner} can run a FluentDL space: candidate k is the
 * sampler's point k, built by the space's template; Arbiter's results come back through
 * {@link #reportResults}, and TPE learns from them as it does from a FluentDL search's trials.
 *
 * <pre>{@code
 * CandidateGenerator tpe = Sampler.toArbiter(Sampler::tpe, space, Goal.MAXIMIZE);
 * OptimizationConfiguration conf = new OptimizationConfiguration.Builder().candidateGenerator(tpe)...build();
 * new LocalOptimizationRunner(conf, taskCreator).execute();
 * }</pre>
 *
 * @param <T> what the space's template builds: each candidate's value
 */
final class SamplerGenerator<T> implements CandidateGenerator {

    private final LongFunction<Sampler> samplerForSeed;
    private final SearchSpace<T> space;
    private final Goal goal;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<TrialResult> finished = new ArrayList<>();
    private Sampler sampler;

    /** @param samplerForSeed the sampler for a seed ({@code Sampler::tpe}); Arbiter's rngSeed reseeds it */
    SamplerGenerator(LongFunction<Sampler> samplerForSeed, long seed, SearchSpace<T> space, Goal goal) {
        this.samplerForSeed = samplerForSeed;
        this.space = space;
        this.goal = goal;
        this.sampler = samplerForSeed.apply(seed);
    }

    @Override
    public synchronized boolean hasMoreCandidates() {
        return counter.get() < sampler.size(space);
    }

    @Override
    public synchronized Candidate getCandidate() {
        int k = counter.getAndIncrement();
        double[] units = sampler.point(k, space, new ArrayList<>(finished), goal);
        Trial trial = space.trial(k, units);
        return ArbiterCandidates.lazy(() -> space.build(trial), k, units);
    }

    /** A finished candidate: a finite score counts as COMPLETE, anything else as FAIL (TPE leaves those out). */
    @Override
    public synchronized void reportResults(OptimizationResult result) {
        Candidate<?> candidate = result.getCandidate();
        double[] units = candidate.getFlatParameters();
        Double score = result.getScore();
        boolean ok = score != null && Double.isFinite(score);
        finished.add(new TrialResult(candidate.getIndex(), 0, space.trial(candidate.getIndex(), units).params(), units,
                ok ? TrialStatus.COMPLETE : TrialStatus.FAIL, ok ? score : Double.NaN,
                ok ? "" : "Arbiter reported no score", new TreeMap<>(), 0));
    }

    @Override
    public ParameterSpace<T> getParameterSpace() {
        return SearchSpaceAdapter.of(space);
    }

    @Override
    public synchronized void setRngSeed(long seed) {
        this.sampler = samplerForSeed.apply(seed);
    }

    @Override
    public Class<?> getCandidateType() {
        return Object.class;
    }

    @Override
    public String toString() {
        return String.format("SamplerGenerator(%s over '%s')", sampler.describe(), space.name());
    }
}
