package io.fluentdl.search;

import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An Arbiter {@link CandidateGenerator} as a FluentDL {@link Sampler}, so a FluentDL search
 * (pruning, study, resume, report) can run with Arbiter's random or grid generator, or one of your
 * own. Point k is the generator's k-th candidate over the space's leaves; candidates are kept, so
 * asking again for k (a resumed trial) gives the same point. A seeded generator gives the same
 * points on every run; Arbiter's default seed is the clock, so seed it for resumable studies.
 *
 * <pre>{@code
 * .sampler(seed -> Sampler.fromArbiter("arbiter-grid(3)",
 *         leaves -> new GridSearchCandidateGenerator(leaves, 3, Mode.Sequential, null)))
 * }</pre>
 */
final class ArbiterSampler implements Sampler {

    private final String name;
    private final Function<ParameterSpace<double[]>, CandidateGenerator> factory;
    private SearchSpace<?> boundTo;
    private CandidateGenerator generator;
    private final List<double[]> drawn = new ArrayList<>();

    /** @param name recorded with a study, so a resume can check it runs the same generator */
    ArbiterSampler(String name, Function<ParameterSpace<double[]>, CandidateGenerator> factory) {
        this.name = name;
        this.factory = factory;
    }

    @Override
    public synchronized double[] point(int k, SearchSpace<?> space) {
        bind(space);
        while (drawn.size() <= k) {
            if (!generator.hasMoreCandidates()) {
                throw new IllegalArgumentException(String.format("Arbiter generator %s has no candidate %d (it made %d)",
                        generator, k, drawn.size()));
            }
            drawn.add(generator.getCandidate().getFlatParameters().clone());
        }
        return drawn.get(k).clone();
    }

    /** A grid generator's number of candidates; unbounded otherwise. */
    @Override
    public synchronized int size(SearchSpace<?> space) {
        bind(space);
        return generator instanceof GridSearchCandidateGenerator
                ? ((GridSearchCandidateGenerator) generator).getTotalNumCandidates() : Integer.MAX_VALUE;
    }

    private void bind(SearchSpace<?> space) {
        if (boundTo != space) {
            boundTo = space;
            generator = factory.apply(SearchSpaceAdapter.units(space));
            drawn.clear();
        }
    }

    @Override
    public String describe() {
        return String.format("arbiter(%s)", name);
    }

    @Override
    public String toString() {
        return describe();
    }
}
