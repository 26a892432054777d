package io.fluentdl.search;

import java.util.List;

/**
 * The monitored metric of every trial so far, by epoch, turned so that smaller is better
 * ({@link Goal#lossLike}): what a {@link Pruner} decides on. Thread-safe.
 */
public interface PruningHistory {

    /** The values other trials reported at {@code epoch}, excluding {@code trial}. */
    List<Double> valuesAt(int epoch, int exceptTrial);

    /** The best (smallest) value {@code trial} reported up to and including {@code epoch}. */
    double bestUpTo(int trial, int epoch);
}
