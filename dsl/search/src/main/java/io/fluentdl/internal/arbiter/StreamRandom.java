package io.fluentdl.internal.arbiter;

import org.apache.commons.math3.random.AbstractRandomGenerator;

import java.util.SplittableRandom;

/**
 * A commons-math random generator over a {@link SplittableRandom} stream, handed to Arbiter's
 * {@code RandomSearchGenerator}: with one stream per trial number, trial k's point is a pure function
 * of (seed, k), which resumed and multi-worker searches need (Arbiter's own generator draws every
 * candidate from one sequential stream, so candidate k would depend on who drew before it).
 */
final class StreamRandom extends AbstractRandomGenerator {

    private SplittableRandom stream;

    StreamRandom(long seed) {
        this.stream = new SplittableRandom(seed);
    }

    @Override
    public void setSeed(long seed) {
        this.stream = new SplittableRandom(seed);
    }

    @Override
    public double nextDouble() {
        return stream.nextDouble();
    }
}
