package io.fluentdl.search;

/**
 * Thrown by {@link EpochReporter#report} when a {@link Pruner} stops the trial; the runner marks
 * the trial PRUNED. Objectives let it propagate (catching it only to release resources).
 */
public class TrialPruned extends RuntimeException {

    private final int epoch;

    public TrialPruned(int epoch, String reason) {
        super(reason);
        this.epoch = epoch;
    }

    /** The epoch after which the trial was stopped. */
    public int epoch() {
        return epoch;
    }
}
