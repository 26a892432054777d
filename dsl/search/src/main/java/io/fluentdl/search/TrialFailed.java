package io.fluentdl.search;

/** Thrown by the reporter when a trial must stop as FAIL: a NaN/infinite metric or its time limit. */
final class TrialFailed extends RuntimeException {

    TrialFailed(String reason) {
        super(reason);
    }
}
