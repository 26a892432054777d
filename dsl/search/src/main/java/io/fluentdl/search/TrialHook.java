package io.fluentdl.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hears each trial of a search as it runs: its start, every epoch it reports, its end. The study keeps
 * numbering, claims and heartbeats; a hook keeps the record. fluentdl-track's {@code TrackedTrials}
 * makes each trial a tracked run this way (tagged with its study, trial number and worker), so searches
 * and experiments share one run store.
 *
 * <pre>{@code
 * RandomSearch.over(space).trials(20).objective(objective)
 *         .trialHook(TrackedTrials.in(Path.of("results/my-search")))
 *         .run();
 * }</pre>
 *
 * <p>Called on the trial's own thread, so with several workers one hook sees trials at once. A hook that
 * throws at the start or at an epoch fails that trial, with the exception as its reason.
 */
@FunctionalInterface
public interface TrialHook {

    /** The hook that records nothing: the default. */
    TrialHook NONE = start -> new Log() {
    };

    /** Trial {@code start.number()} begins; the returned log hears its epochs and its end. */
    Log started(Start start);

    /** What is known when a trial begins. */
    record Start(String study, int number, int round, String worker, Map<String, Object> params, Goal goal,
                 String monitor) {
        public Start {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /** One trial's record, as the search fills it in. */
    interface Log {

        /** The metrics the trial reported after {@code epoch} (1 = the first), before the pruner judges them. */
        default void epoch(int epoch, Map<String, Double> metrics) {
        }

        /** The trial ended: its status, score and reason as the search records them. */
        default void ended(TrialResult result) {
        }
    }
}
