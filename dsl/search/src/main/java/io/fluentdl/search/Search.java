package io.fluentdl.search;

import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.train.Metric;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * A search's configuration: which points to try (a {@link Sampler}), how to score them (a
 * {@link TrialObjective}), and the budget; {@link #run()} runs the trials and returns a
 * {@link SearchResult}. Start one with {@link RandomSearch#over} or {@link GridSearch#over}.
 * A {@code Search} is immutable: every setting returns a new one (chain them), so a configured search
 * can be shared, varied ({@code base.pruner(...)}) and run more than once; settings are checked
 * together when it runs, whatever their order.
 *
 * <pre>{@code
 * SearchResult<ModelSpec> result = RandomSearch.over(space)
 *         .trials(50).seed(7).workers(2)
 *         .maximize()
 *         .pruner(Pruner.successiveHalving(1, 3))
 *         .trialTimeLimit(Duration.ofMinutes(10))
 *         .objective((spec, trial, reporter) -> trainAndScore(spec, reporter))
 *         .run();
 * result.best().params();
 * }</pre>
 *
 * <p>Trial k's point is drawn when the trial starts. For random, grid and Halton sampling it is a
 * pure function of the seed and k, so the same seed gives the same trials with any number of
 * workers (only pruning decisions depend on the order in which parallel trials report). TPE
 * ({@link Sampler#tpe}) also learns from the trials finished by then: the same trials with one
 * worker, timing-dependent ones with several. Each worker is a thread; a trial's own thread budget
 * (e.g. DL4J's OpenMP threads) is the objective's business.
 *
 * @param <T> what the space's template builds
 */
public final class Search<T> implements Cloneable {

    /** Name of the metric {@link EpochReporter#report(int, double)} reports: {@value}. */
    public static final String SCORE = "score";
    /** Trials when none are given: {@value}. */
    public static final int DEFAULT_TRIALS = 20;
    /** The sampler's seed when none is given: {@value} (never the clock). */
    public static final long DEFAULT_SEED = 42;
    /** Trials kept per coarse-to-fine round when none is given: {@value}. */
    public static final int DEFAULT_TOP_K = 5;
    /** Seconds between a running trial's heartbeats when none is given: {@value} (Optuna's default is 60). */
    public static final int DEFAULT_HEARTBEAT_SECONDS = 30;
    /** Failed trials in a row after which a search stops when none is given: {@value}. */
    public static final int DEFAULT_MAX_CONSECUTIVE_FAILURES = 5;

    final SearchSpace<T> space;
    LongFunction<Sampler> samplerFactory;
    long seed = DEFAULT_SEED;
    int trials = DEFAULT_TRIALS;
    int workers = 1;
    TrialObjective<T> objective;
    /** The goal given with maximize()/minimize(); null: the TrainingObjective's metric decides. */
    Goal goal;
    /** The metric given with monitor(...); null: the objective's own ({@value #SCORE}, or the metric's key). */
    String monitor;
    Pruner pruner = Pruner.none();
    Duration trialTimeLimit;
    Duration timeBudget;
    int epochBudget = Integer.MAX_VALUE;
    Integer epochsPerTrial;
    int rounds = 1;
    int topK = DEFAULT_TOP_K;
    double padding = CoarseToFine.DEFAULT_PADDING;
    Study study;
    boolean resume;
    Consumer<TrialResult> listener = r -> { };
    TrialHook trialHook = TrialHook.NONE;
    Duration heartbeat = Duration.ofSeconds(DEFAULT_HEARTBEAT_SECONDS);
    int maxConsecutiveFailures = DEFAULT_MAX_CONSECUTIVE_FAILURES;
    String worker = Workers.thisProcess();

    /**
     * A search over a user's Arbiter {@code MultiLayerSpace}, with FluentDL's samplers (random by
     * default; TPE, Halton, grid, or an Arbiter generator via {@link Sampler#fromArbiter}), pruning,
     * study, resume and report. Each leaf of the space is one {@link Hp}, named by its place in the
     * space ({@code layer0.nOut}, {@code updater.learningRate}); the objective receives each trial's
     * Arbiter {@code DL4JConfiguration}, as {@code mls.getValue(vector)} builds it (the network's
     * configuration is its {@code getMultiLayerConfiguration()}).
     */
    public static Search<org.deeplearning4j.arbiter.DL4JConfiguration> over(
            org.deeplearning4j.arbiter.MultiLayerSpace space) {
        return new Search<>(ArbiterLeaves.space(space), Sampler::random);
    }

    Search(SearchSpace<T> space, LongFunction<Sampler> samplerFactory) {
        this.space = Objects.requireNonNull(space, "space");
        this.samplerFactory = samplerFactory;
    }

    /** A changed copy: no method changes {@code this} (a field-for-field clone: values, and handles it never changes). */
    @SuppressWarnings("unchecked")
    private Search<T> with(Consumer<Search<T>> change) {
        try {
            Search<T> copy = (Search<T>) super.clone();
            change.accept(copy);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** Trials per round, {@code >= 1}; a grid stops early when it has fewer points. Default {@value #DEFAULT_TRIALS}. */
    public Search<T> trials(int trials) {
        var v = io.fluentdl.errors.Limits.trials(where(), Check.atLeast(where(), "trials", trials, 1));
        return with(c -> c.trials = v);
    }

    /** The sampler's seed; default {@value #DEFAULT_SEED}. */
    public Search<T> seed(long seed) {
        var v = seed;
        return with(c -> c.seed = v);
    }

    /** Another sampler (e.g. {@code Sampler::halton}), created from the seed. */
    public Search<T> sampler(LongFunction<Sampler> samplerForSeed) {
        var v = Objects.requireNonNull(samplerForSeed, "samplerForSeed");
        return with(c -> c.samplerFactory = v);
    }

    /** Trials run at once, each in its own thread, {@code >= 1}; default 1. */
    public Search<T> workers(int workers) {
        var v = Check.atLeast(where(), "workers", workers, 1);
        return with(c -> c.workers = v);
    }

    /**
     * What each trial computes; required. A {@link TrainingObjective} carries its goal and monitored
     * metric ({@link Goal#of} its {@link Metric}): then maximize()/minimize() may only repeat that goal
     * (a contradiction is an error at {@link #run()}), in any call order.
     */
    public Search<T> objective(TrialObjective<T> objective) {
        TrialObjective<T> checked = Objects.requireNonNull(objective, "objective");
        return with(c -> c.objective = checked);
    }

    /** Larger scores are better. Required unless the objective is a {@link TrainingObjective}. */
    public Search<T> maximize() {
        return with(c -> c.goal = Goal.MAXIMIZE);
    }

    /** Smaller scores are better. Required unless the objective is a {@link TrainingObjective}. */
    public Search<T> minimize() {
        return with(c -> c.goal = Goal.MINIMIZE);
    }

    /**
     * The reported metric that pruners and NaN checks watch; default {@value #SCORE}, or a
     * {@link TrainingObjective}'s metric. Judged with the search's goal.
     */
    public Search<T> monitor(String metric) {
        String checked = Check.notNull(where(), "monitor", metric);
        return with(c -> c.monitor = checked);
    }

    /** Stops bad trials early; default {@link Pruner#none()}. */
    public Search<T> pruner(Pruner pruner) {
        var v = Objects.requireNonNull(pruner, "pruner");
        return with(c -> c.pruner = v);
    }

    /**
     * The epochs each trial trains, {@code >= 1}. The pruner is not asked at that epoch: a trial
     * that got there has spent its budget, so it completes and its score counts (an ASHA rung at
     * the last epoch, e.g. 9 of 9, would otherwise mark finished trials PRUNED). A
     * {@link TrainingObjective} sets it to its {@code epochs()}; for another objective the search
     * cannot tell a trial's last epoch unless told here, and judges every epoch.
     */
    public Search<T> epochsPerTrial(int epochs) {
        var v = Check.atLeast(where(), "epochsPerTrial", epochs, 1);
        return with(c -> c.epochsPerTrial = v);
    }

    /** A trial running longer fails with that reason (checked at each report; its thread is interrupted). */
    public Search<T> trialTimeLimit(Duration limit) {
        var v = positive("trialTimeLimit", limit);
        return with(c -> c.trialTimeLimit = v);
    }

    /**
     * No trial starts once the finished trials together reported this many epochs (running ones
     * finish, so the total may overshoot by up to {@code workers} trials); default none. With
     * {@link TrainingObjective#executions(int)} one reported epoch stands for k trained ones.
     */
    public Search<T> epochBudget(int epochs) {
        var v = Check.atLeast(where(), "epochBudget", epochs, 1);
        return with(c -> c.epochBudget = v);
    }

    /** No trial starts after this much time (running ones finish); default none. */
    public Search<T> timeBudget(Duration budget) {
        var v = positive("timeBudget", budget);
        return with(c -> c.timeBudget = v);
    }

    /**
     * Runs {@code rounds} rounds of {@code trials()} trials; before each round after the first,
     * narrows the space around the {@code topK} best trials so far ({@link CoarseToFine}): completed ones by
     * score, then pruned ones by their last reported value; failed trials never.
     */
    public Search<T> coarseToFine(int rounds, int topK, double padding) {
        var v0 = Check.atLeast(where(), "rounds", rounds, 1);
        var v1 = Check.atLeast(where(), "topK", topK, 1);
        var v2 = Check.nonNegative(where(), "padding", padding);
        return with(c -> {
            c.rounds = v0;
            c.topK = v1;
            c.padding = v2;
        });
    }

    /** Records every trial in {@code study}; a study that already has trials needs {@link #resume()}. */
    public Search<T> study(Study study) {
        var v = Objects.requireNonNull(study, "study");
        return with(c -> c.study = v);
    }

    /**
     * Continues the study: keeps its finished trials, reruns those left RUNNING, runs the rest. The
     * space, sampler, goal, pruner and objective must be the study's (see {@link Study}).
     */
    public Search<T> resume() {
        var v = true;
        return with(c -> c.resume = v);
    }

    /**
     * How often a running trial's worker stamps its heartbeat (with the database's clock); a trial
     * whose heartbeat is older than twice this is failed as {@code stale} by the next worker that
     * claims work, and its point is run again once. Default {@value #DEFAULT_HEARTBEAT_SECONDS} s.
     */
    public Search<T> heartbeat(Duration interval) {
        var v = positive("heartbeat", interval);
        return with(c -> c.heartbeat = v);
    }

    /** The search stops with an error after this many failed trials in a row, {@code >= 1}; default {@value #DEFAULT_MAX_CONSECUTIVE_FAILURES}. */
    public Search<T> maxConsecutiveFailures(int n) {
        var v = Check.atLeast(where(), "maxConsecutiveFailures", n, 1);
        return with(c -> c.maxConsecutiveFailures = v);
    }

    /** This process's name in the study; default host:pid. */
    public Search<T> worker(String name) {
        var v = Check.notNull(where(), "worker", name);
        return with(c -> c.worker = v);
    }

    /** Called after each trial (from its worker thread): progress bars, logging. */
    public Search<T> onTrialEnd(Consumer<TrialResult> listener) {
        var v = Objects.requireNonNull(listener, "listener");
        return with(c -> c.listener = v);
    }

    /** Hears each trial's start, epochs and end, e.g. fluentdl-track's {@code TrackedTrials}; default none. */
    public Search<T> trialHook(TrialHook hook) {
        var v = Objects.requireNonNull(hook, "hook");
        return with(c -> c.trialHook = v);
    }

    /**
     * Runs the search; this configuration is not changed, so it can run again (with a study: resumed).
     *
     * @throws InvalidConfigException listing every missing or contradicting setting, or if the study does not match
     */
    public SearchResult<T> run() {
        return new SearchLaunch<>(this).run();
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private Duration positive(String parameter, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw InvalidConfigException.of(where(), parameter, d, String.format(
                    "%s must be a positive duration, got %s=%s", parameter, parameter, d), "");
        }
        return d;
    }

    String where() {
        return String.format("Search over '%s'", space.name());
    }
}
