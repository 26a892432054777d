package io.fluentdl.search;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * The monitored metric of every trial so far, by epoch, turned so that smaller is better
 * ({@link Goal#lossLike}): what a {@link Pruner} decides on. Thread-safe.
 */
public interface PruningHistory {

    /** The values reported at {@code epoch} by the trials (numbers) that {@code trials} accepts. */
    List<Double> valuesAt(int epoch, IntPredicate trials);

    /** The values other trials reported at {@code epoch}, excluding {@code trial}. */
    default List<Double> valuesAt(int epoch, int exceptTrial) {
        return valuesAt(epoch, t -> t != exceptTrial);
    }

    /** The best (smallest) value {@code trial} reported up to and including {@code epoch}. */
    double bestUpTo(int trial, int epoch);

    /**
     * This history as if only the trials {@code trials} accepts had run: a pruner given the view
     * compares a trial with those trials only (a {@link HyperbandPruner} bracket).
     */
    default PruningHistory only(IntPredicate trials) {
        PruningHistory all = this;
        return new PruningHistory() {
            @Override
            public List<Double> valuesAt(int epoch, IntPredicate more) {
                return all.valuesAt(epoch, trials.and(more));
            }

            @Override
            public double bestUpTo(int trial, int epoch) {
                return all.bestUpTo(trial, epoch);
            }
        };
    }
}
