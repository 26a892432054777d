package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import io.fluentdl.train.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Starts a {@link Search}: resolves the goal and the monitored metric once, from the configuration as
 * a whole (a {@link TrainingObjective}'s metric, or maximize()/minimize(); a contradiction is an error,
 * whatever the call order), checks every setting together, opens the study and hands the trials to a
 * {@link SearchRun}.
 */
final class SearchLaunch<T> {

    private final Search<T> c;
    private final Goal goal;
    private final String monitor;

    SearchLaunch(Search<T> config) {
        this.c = config;
        List<Problem> problems = new ArrayList<>();
        if (c.objective == null) {
            problems.add(Problem.of(c.where(), "objective", null, "objective(...) is required"));
        }
        Metric metric = c.objective instanceof TrainingObjective t ? t.metric() : null;
        if (metric != null && c.goal != null && c.goal != Goal.of(metric)) {
            problems.add(new Problem(c.where(), "goal", c.goal, String.format("the TrainingObjective's metric %s is "
                    + "better %s, but the search was told to %s", metric.key(), metric.largerIsBetter() ? "larger"
                    : "smaller", c.goal.name().toLowerCase(java.util.Locale.ROOT)),
                    "Drop maximize()/minimize(): a TrainingObjective sets the goal"));
        }
        if (metric == null && c.goal == null) {
            problems.add(new Problem(c.where(), "goal", null, "the goal is not set", "Call maximize() or minimize()"));
        }
        if (metric != null && c.epochsPerTrial != null && c.epochsPerTrial != ((TrainingObjective) c.objective).epochs()) {
            problems.add(new Problem(c.where(), "epochsPerTrial", c.epochsPerTrial, String.format("epochsPerTrial must "
                    + "match the TrainingObjective's epochs, got epochsPerTrial=%d, epochs=%d", c.epochsPerTrial,
                    ((TrainingObjective) c.objective).epochs()), "Drop epochsPerTrial(...): a TrainingObjective sets it"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        this.goal = metric != null ? Goal.of(metric) : c.goal;
        this.monitor = c.monitor != null ? c.monitor : metric != null ? metric.key() : Search.SCORE;
    }

    SearchResult<T> run() {
        Sampler sampler = c.samplerFactory.apply(c.seed);
        int perRound = Math.min(c.trials, sampler.size(c.space));
        Study shared = c.study != null ? c.study : Study.inMemory(c.space.name());
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2,
                r -> Search.daemon(r, "fluentdl-trial-timers"));
        try {
            shared.begin(StudyJson.space(c.space), describe(sampler, perRound), goal.name(), c.pruner.describe(),
                    describeObjective());
            int stored = shared.rows().size();
            long grace = 2 * c.heartbeat.toMillis();
            if (stored > 0 && !c.resume && shared.live(grace) == 0) {
                throw InvalidConfigException.of(c.where(), "study", shared.name(), String.format(
                        "study '%s' in %s already has %d trials", shared.name(), shared.url(), stored),
                        "Call resume() to continue it, or use a new study name");
            }
            io.fluentdl.internal.dl4j.NativeThreads.blasFor(c.workers); // parallel trials share the cores' GEMMs out
            EpochHistory history = new EpochHistory();
            TrialRunner<T> runner = new TrialRunner<>(c.objective, goal, monitor, c.pruner, finalEpoch(),
                    c.trialTimeLimit, shared, c.study != null, history, timers, c.listener, c.trialHook);
            SearchRun.Plan<T> plan = new SearchRun.Plan<>(c.space, sampler, goal, perRound, c.rounds, c.topK, c.padding,
                    c.workers, c.timeBudget, c.epochBudget, c.heartbeat, c.maxConsecutiveFailures, c.worker);
            return new SearchRun<>(plan, shared, runner, timers).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.format("%s was interrupted", c.where()), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException && cause.getMessage() != null
                    && cause.getMessage().startsWith(c.where())) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(String.format("%s: %s", c.where(), cause.getMessage()), cause);
        } finally {
            timers.shutdownNow();
            if (c.study == null) {
                shared.close();
            }
        }
    }

    /** The epoch at which trials stop anyway (see {@link Search#epochsPerTrial}); MAX_VALUE when unknown. */
    private int finalEpoch() {
        if (c.epochsPerTrial != null) {
            return c.epochsPerTrial;
        }
        return c.objective instanceof TrainingObjective t ? t.epochs() : Integer.MAX_VALUE;
    }

    private String describe(Sampler sampler, int perRound) {
        return c.rounds == 1 ? sampler.describe() : String.format("%s, coarseToFine(rounds=%d, topK=%d, padding=%s, "
                + "trialsPerRound=%d)", sampler.describe(), c.rounds, c.topK, c.padding, perRound);
    }

    /**
     * The objective as the study records it: {@link TrialObjective#describe()}, plus what this search
     * adds to a trial's budget and judging that the objective cannot say, namely epochsPerTrial (the
     * epoch the pruner leaves alone; a TrainingObjective's own epochs already say it) and a monitored
     * metric other than the objective's own.
     */
    private String describeObjective() {
        boolean training = c.objective instanceof TrainingObjective;
        List<String> parts = new ArrayList<>(List.of(c.objective.describe()));
        if (!training && c.epochsPerTrial != null) {
            parts.add(String.format("epochsPerTrial=%d", c.epochsPerTrial));
        }
        String ownMonitor = training ? ((TrainingObjective) c.objective).metric().key() : Search.SCORE;
        if (!monitor.equals(ownMonitor)) {
            parts.add(String.format("monitor=%s", monitor));
        }
        return String.join(", ", parts);
    }
}
