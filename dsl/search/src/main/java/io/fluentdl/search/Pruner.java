package io.fluentdl.search;

/**
 * Decides after each reported epoch whether a trial should stop early. It is not asked at a trial's
 * last epoch ({@link Search#epochsPerTrial}): stopping there would save nothing.
 *
 * <p>Values are "smaller is better" ({@link Goal#lossLike}), whatever the search's goal. A pruner
 * must be thread-safe: trials run in parallel.
 *
 * <pre>{@code
 * RandomSearch.over(space).pruner(Pruner.successiveHalving(1, 3))   // ASHA, epochs as resource
 * RandomSearch.over(space).pruner(Pruner.hyperband(1, 9, 3))         // ASHA brackets from epoch 1, 3 and 9
 * RandomSearch.over(space).pruner(Pruner.median(5, 5))              // median stopping rule
 * }</pre>
 */
public interface Pruner {

    /**
     * @param trial   the trial's number
     * @param epoch   the epoch just reported (1 after the first)
     * @param value   its monitored value, smaller is better
     * @param history every trial's values so far (this one's included)
     * @return null to continue, or the reason to stop
     */
    String prune(int trial, int epoch, double value, PruningHistory history);

    /** What {@link #describe()} says for a lambda: {@value}. */
    String LAMBDA = "lambda";

    /**
     * The type and every setting, e.g. {@code successiveHalving(minEpochs=1, reductionFactor=3)}: a
     * {@link Study} stores it and a resumed search must match it, so one study never mixes two
     * pruning rules. The default is the class name, or {@value #LAMBDA} for a lambda (whose settings
     * are out of sight and whose class name changes between runs, so any lambda matches any other):
     * write a class that overrides this to have a resume check your own pruner.
     */
    default String describe() {
        return getClass().isHidden() ? LAMBDA : getClass().getName();
    }

    /** Never stops a trial (the default). */
    static Pruner none() {
        return NoPruner.INSTANCE;
    }

    /** The median stopping rule; see {@link MedianPruner}. */
    static Pruner median(int warmupEpochs, int minTrials) {
        return new MedianPruner(warmupEpochs, minTrials);
    }

    /** Asynchronous successive halving (ASHA) with epochs as the resource; see {@link SuccessiveHalvingPruner}. */
    static Pruner successiveHalving(int minEpochs, int reductionFactor) {
        return new SuccessiveHalvingPruner(minEpochs, reductionFactor);
    }

    /**
     * Hyperband: successive halving in brackets whose first rungs are minEpochs * reductionFactor^b, up to
     * maxEpochs (the epochs a trial trains); see {@link HyperbandPruner}.
     */
    static Pruner hyperband(int minEpochs, int maxEpochs, int reductionFactor) {
        return new HyperbandPruner(minEpochs, maxEpochs, reductionFactor);
    }
}
