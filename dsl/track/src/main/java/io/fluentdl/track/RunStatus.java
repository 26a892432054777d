package io.fluentdl.track;

/**
 * Where a run stands. A run is RUNNING from {@link TrackerBuilder#start()} until it is finished,
 * failed, or found abandoned: a RUNNING run whose process is gone (kill -9, power loss) reads as
 * INTERRUPTED, and a shutdown hook writes INTERRUPTED on SIGTERM / Ctrl-C.
 */
public enum RunStatus {
    RUNNING, FINISHED, FAILED, INTERRUPTED,
    /** A search trial its pruner stopped early (a tracked trial, see {@code TrackedTrials}): ended on purpose. */
    PRUNED;

    /** Whether the run can still change. */
    public boolean isLive() {
        return this == RUNNING;
    }
}
