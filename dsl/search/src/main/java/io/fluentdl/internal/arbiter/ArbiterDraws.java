package io.fluentdl.internal.arbiter;

import org.apache.commons.math3.random.SynchronizedRandomGenerator;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;

/** FluentDL's random sampler, run by Arbiter's {@link RandomSearchGenerator}. */
public final class ArbiterDraws {

    private ArbiterDraws() {
    }

    /**
     * The first candidate of Arbiter's random generator over {@code leaves} (a search space's unit view,
     * {@code SearchSpaceAdapter.units}), drawn from the stream {@code streamSeed}: one uniform draw per
     * searched Hp, in {@code params(...)} order.
     */
    public static double[] random(ParameterSpace<double[]> leaves, long streamSeed) {
        RandomSearchGenerator generator = new RandomSearchGenerator(leaves, null);
        generator.setRng(new SynchronizedRandomGenerator(new StreamRandom(streamSeed)));
        return generator.getCandidate().getFlatParameters().clone();
    }
}
