package io.fluentdl.search;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one trial: builds its model, calls the objective with a reporter, and turns whatever
 * happens (a score, {@link TrialPruned}, a NaN metric, an exception, the time limit) into a
 * {@link TrialResult}, recorded in the study if there is one. Sampling is not its business.
 */
final class TrialRunner<T> {

    private final TrialObjective<T> objective;
    private final Goal goal;
    private final String monitor;
    private final Pruner pruner;
    private final int finalEpoch;
    private final Duration timeLimit;
    private final Study study;
    /** Whether other processes may share the study: then the pruner reads their epochs from it. */
    private final boolean shared;
    private final EpochHistory history;
    private final ScheduledExecutorService watchdog;
    private final Consumer<TrialResult> listener;
    private final TrialHook hook;

    /** @param finalEpoch the epoch at which every trial ends anyway (MAX_VALUE: unknown); never pruned */
    TrialRunner(TrialObjective<T> objective, Goal goal, String monitor, Pruner pruner, int finalEpoch, Duration timeLimit,
                Study study, boolean shared, EpochHistory history, ScheduledExecutorService watchdog,
                Consumer<TrialResult> listener, TrialHook hook) {
        this.objective = objective;
        this.goal = goal;
        this.monitor = monitor;
        this.pruner = pruner;
        this.finalEpoch = finalEpoch;
        this.timeLimit = timeLimit;
        this.study = study;
        this.shared = shared;
        this.history = history;
        this.watchdog = watchdog;
        this.listener = listener;
        this.hook = hook;
    }

    /**
     * Runs trial {@code number}; pruners know it by its {@code slot}, so the retry of a trial whose
     * worker died is judged (Hyperband: bracketed) as the trial it replaces.
     */
    TrialResult run(SearchSpace<T> space, int number, int slot, int round, double[] units, String workerName) {
        Trial trial = space.trial(number, units);
        long start = System.nanoTime();
        history.forget(slot);
        if (study != null) {
            study.started(number, round, trial.params(), units);
        }
        Reporter reporter = new Reporter(number, slot, start);
        TrialHook.Log log = null;
        Thread worker = Thread.currentThread();
        Object lock = new Object();
        boolean[] done = {false};
        ScheduledFuture<?> alarm = timeLimit == null ? null : watchdog.schedule(() -> {
            synchronized (lock) {
                if (!done[0]) {
                    worker.interrupt();
                }
            }
        }, timeLimit.toNanos(), TimeUnit.NANOSECONDS);
        TrialStatus status;
        double score = Double.NaN;
        String reason = "";
        try {
            log = hook.started(new TrialHook.Start(study == null ? space.name() : study.name(), number, round,
                    workerName, trial.params(), goal, monitor));
            reporter.log = log;
            T model = space.build(trial);
            double s = objective.evaluate(model, trial, reporter);
            if (Double.isFinite(s)) {
                status = TrialStatus.COMPLETE;
                score = s;
            } else {
                status = TrialStatus.FAIL;
                reason = String.format("diverged: the objective returned %s", s);
            }
        } catch (TrialPruned p) {
            status = TrialStatus.PRUNED;
            score = reporter.last;
            reason = p.getMessage();
        } catch (TrialFailed f) {
            status = TrialStatus.FAIL;
            reason = f.getMessage();
        } catch (Throwable e) {
            status = TrialStatus.FAIL;
            reason = reporter.pastDeadline() ? reporter.timeLimitReason()
                    : String.format("%s: %s", e.getClass().getSimpleName(), e.getMessage());
        } finally {
            synchronized (lock) {
                done[0] = true;
            }
            if (alarm != null) {
                alarm.cancel(false);
            }
            Thread.interrupted();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (study != null) {
            study.finished(number, status, score, reason, millis);
        }
        TrialResult result = new TrialResult(number, round, trial.params(), units, status, score, reason,
                reporter.epochs, millis, workerName, slot);
        if (log != null) {
            log.ended(result);
        }
        listener.accept(result);
        return result;
    }

    /** The reporter one trial sees. */
    private final class Reporter implements EpochReporter {
        private final int trial;
        private final int slot;
        private final long start;
        private final SortedMap<Integer, Map<String, Double>> epochs = new TreeMap<>();
        private double last = Double.NaN;
        private TrialHook.Log log;

        Reporter(int trial, int slot, long start) {
            this.trial = trial;
            this.slot = slot;
            this.start = start;
        }

        boolean pastDeadline() {
            return timeLimit != null && System.nanoTime() - start >= timeLimit.toNanos();
        }

        String timeLimitReason() {
            return String.format("time limit %s exceeded after %d epochs", timeLimit, epochs.size());
        }

        @Override
        public void report(int epoch, Map<String, Double> metrics) {
            if (pastDeadline()) {
                throw new TrialFailed(timeLimitReason());
            }
            Double value = metrics.get(monitor);
            if (value == null) {
                throw new TrialFailed(String.format("report(epoch=%d, ...) must include the monitored metric '%s', "
                        + "got %s", epoch, monitor, metrics.keySet()));
            }
            epochs.put(epoch, new LinkedHashMap<>(metrics));
            if (log != null) {
                log.epoch(epoch, java.util.Collections.unmodifiableMap(epochs.get(epoch)));
            }
            if (study != null) {
                study.epoch(trial, epoch, metrics);
            }
            if (!Double.isFinite(value)) {
                throw new TrialFailed(String.format("diverged: %s became %s at epoch %d", monitor, value, epoch));
            }
            last = value;
            double lossLike = goal.lossLike(value);
            history.record(slot, epoch, lossLike);
            // at the final epoch stopping saves nothing: the trial has spent its budget and completes
            // (its value is still recorded above, for the other trials' comparisons)
            if (shared && epoch < finalEpoch) {
                // every worker's reported epochs, from any process, so the pruner judges against the whole study
                for (double[] v : study.values(monitor)) {
                    history.record((int) v[0], (int) v[1], goal.lossLike(v[2]));
                }
            }
            String why = epoch >= finalEpoch ? null : pruner.prune(slot, epoch, lossLike, history);
            if (why != null) {
                // pruners compare smaller-is-better values: say so when they are the negated metric
                throw new TrialPruned(epoch, goal == Goal.MAXIMIZE
                        ? String.format("%s (pruners compare -%s; %s=%s)", why, monitor, monitor, value)
                        : String.format("%s (%s=%s)", why, monitor, value));
            }
        }
    }
}
