package io.fluentdl.search;

/** Where a trial stands; a study stores it, and a resumed search reruns RUNNING ones. */
public enum TrialStatus {
    /** Started and not finished (or the process died while it ran). */
    RUNNING,
    /** The objective returned a finite score. */
    COMPLETE,
    /** Stopped by an error, a NaN/infinite metric or the time limit; the reason says which. */
    FAILED,
    /** Stopped early by a {@link Pruner}; the score is the last value reported. */
    PRUNED;

    /** Whether a resumed search keeps this trial instead of running it again. */
    public boolean isFinished() {
        return this != RUNNING;
    }
}
