package io.fluentdl.search;

/** Where a trial stands; a study stores it, and a resumed search reruns RUNNING ones. */
public enum TrialStatus {
    /** Started and not finished (or the process died while it ran). */
    RUNNING,
    /** The objective returned a finite score. */
    COMPLETE,
    /**
     * Stopped by an error, a NaN/infinite metric ("diverged"), the time limit, or its worker's death
     * ("stale": no heartbeat for twice the interval); the reason says which.
     */
    FAIL,
    /** Stopped early by a {@link Pruner}; the score is the last value reported. */
    PRUNED,
    /** Queued to run again: the retry of a trial failed as stale (its worker stopped sending heartbeats). */
    WAITING;

    /** Whether a resumed search keeps this trial instead of running it again. */
    public boolean isFinished() {
        return this != RUNNING && this != WAITING;
    }
}
