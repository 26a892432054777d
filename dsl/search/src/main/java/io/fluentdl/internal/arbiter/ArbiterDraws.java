package io.fluentdl.internal.arbiter;

import io.fluentdl.search.SearchSpace;
import org.apache.commons.math3.random.SynchronizedRandomGenerator;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;

/** FluentDL's random sampler, run by Arbiter's {@link RandomSearchGenerator}. */
public final class ArbiterDraws {

    private ArbiterDraws() {
    }

    /**
     * The first candidate of Arbiter's random generator over {@code space}'s leaves, drawn from the
     * stream {@code streamSeed}: one uniform draw per searched Hp, in {@code params(...)} order.
     */
    public static double[] random(SearchSpace<?> space, long streamSeed) {
        RandomSearchGenerator generator = new RandomSearchGenerator(SearchSpaceAdapter.units(space), null);
        generator.setRng(new SynchronizedRandomGenerator(new StreamRandom(streamSeed)));
        return generator.getCandidate().getFlatParameters().clone();
    }
}
