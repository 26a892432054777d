package io.fluentdl.search;

import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import io.fluentdl.train.Metric;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * A configured search: which points to try (a {@link Sampler}), how to score them (a
 * {@link TrialObjective}), and the budget; {@link #run()} runs the trials and returns a
 * {@link SearchResult}. Start one with {@link RandomSearch#over} or {@link GridSearch#over}.
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
public final class Search<T> {

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

    private final SearchSpace<T> space;
    private LongFunction<Sampler> samplerFactory;
    private long seed = DEFAULT_SEED;
    private int trials = DEFAULT_TRIALS;
    private int workers = 1;
    private TrialObjective<T> objective;
    private Goal goal;
    private String monitor = SCORE;
    private Pruner pruner = Pruner.none();
    private Duration trialTimeLimit;
    private Duration timeBudget;
    private int epochBudget = Integer.MAX_VALUE;
    private Integer epochsPerTrial;
    private int rounds = 1;
    private int topK = DEFAULT_TOP_K;
    private double padding = CoarseToFine.DEFAULT_PADDING;
    private Study study;
    private boolean resume;
    private Consumer<TrialResult> listener = r -> { };
    private Duration heartbeat = Duration.ofSeconds(DEFAULT_HEARTBEAT_SECONDS);
    private int maxConsecutiveFailures = DEFAULT_MAX_CONSECUTIVE_FAILURES;
    private String worker = Workers.thisProcess();

    /**
     * A search over a user's Arbiter {@code MultiLayerSpace}, with FluentDL's samplers (random by
     * default; TPE, Halton, grid, or an Arbiter generator via {@link Sampler#fromArbiter}), pruning,
     * study, resume and report. Each leaf of the space is one {@link Hp}, named by its place in the
     * space ({@code layer0.nOut}, {@code updater.learningRate}); the objective receives each trial's
     * {@code MultiLayerConfiguration}, as Arbiter's {@code mls.getValue(vector)} builds it.
     */
    public static Search<org.deeplearning4j.nn.conf.MultiLayerConfiguration> over(
            org.deeplearning4j.arbiter.MultiLayerSpace space) {
        return new Search<>(ArbiterLeaves.space(space), Sampler::random);
    }

    Search(SearchSpace<T> space, LongFunction<Sampler> samplerFactory) {
        this.space = Objects.requireNonNull(space, "space");
        this.samplerFactory = samplerFactory;
    }

    /** Trials per round, {@code >= 1}; a grid stops early when it has fewer points. Default {@value #DEFAULT_TRIALS}. */
    public Search<T> trials(int trials) {
        this.trials = io.fluentdl.errors.Limits.trials(where(), Check.atLeast(where(), "trials", trials, 1));
        return this;
    }

    /** The sampler's seed; default {@value #DEFAULT_SEED}. */
    public Search<T> seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Another sampler (e.g. {@code Sampler::halton}), created from the seed. */
    public Search<T> sampler(LongFunction<Sampler> samplerForSeed) {
        this.samplerFactory = Objects.requireNonNull(samplerForSeed, "samplerForSeed");
        return this;
    }

    /** Trials run at once, each in its own thread, {@code >= 1}; default 1. */
    public Search<T> workers(int workers) {
        this.workers = Check.atLeast(where(), "workers", workers, 1);
        return this;
    }

    /**
     * What each trial computes; required. A {@link TrainingObjective} also sets the goal and the
     * monitored metric from its {@link Metric} (call maximize()/minimize()/monitor() after to override).
     */
    public Search<T> objective(TrialObjective<T> objective) {
        this.objective = Objects.requireNonNull(objective, "objective");
        if (objective instanceof TrainingObjective) {
            Metric metric = ((TrainingObjective) objective).metric();
            this.goal = Goal.of(metric);
            this.monitor = metric.key();
        }
        return this;
    }

    /** Larger scores are better. One of maximize() and minimize() is required. */
    public Search<T> maximize() {
        this.goal = Goal.MAXIMIZE;
        return this;
    }

    /** Smaller scores are better. */
    public Search<T> minimize() {
        this.goal = Goal.MINIMIZE;
        return this;
    }

    /** The reported metric that pruners and NaN checks watch; default {@value #SCORE}. Same goal as the score. */
    public Search<T> monitor(String metric) {
        this.monitor = Check.notNull(where(), "monitor", metric);
        return this;
    }

    /** Stops bad trials early; default {@link Pruner#none()}. */
    public Search<T> pruner(Pruner pruner) {
        this.pruner = Objects.requireNonNull(pruner, "pruner");
        return this;
    }

    /**
     * The epochs each trial trains, {@code >= 1}. The pruner is not asked at that epoch: a trial
     * that got there has spent its budget, so it completes and its score counts (an ASHA rung at
     * the last epoch, e.g. 9 of 9, would otherwise mark finished trials PRUNED). A
     * {@link TrainingObjective} sets it to its {@code epochs()}; for another objective the search
     * cannot tell a trial's last epoch unless told here, and judges every epoch.
     */
    public Search<T> epochsPerTrial(int epochs) {
        this.epochsPerTrial = Check.atLeast(where(), "epochsPerTrial", epochs, 1);
        return this;
    }

    /** A trial running longer fails with that reason (checked at each report; its thread is interrupted). */
    public Search<T> trialTimeLimit(Duration limit) {
        this.trialTimeLimit = positive("trialTimeLimit", limit);
        return this;
    }

    /**
     * No trial starts once the finished trials together reported this many epochs (running ones
     * finish, so the total may overshoot by up to {@code workers} trials); default none. With
     * {@link TrainingObjective#executions(int)} one reported epoch stands for k trained ones.
     */
    public Search<T> epochBudget(int epochs) {
        this.epochBudget = Check.atLeast(where(), "epochBudget", epochs, 1);
        return this;
    }

    /** No trial starts after this much time (running ones finish); default none. */
    public Search<T> timeBudget(Duration budget) {
        this.timeBudget = positive("timeBudget", budget);
        return this;
    }

    /**
     * Runs {@code rounds} rounds of {@code trials()} trials; before each round after the first,
     * narrows the space around the {@code topK} best trials so far ({@link CoarseToFine}): completed ones by
     * score, then pruned ones by their last reported value; failed trials never.
     */
    public Search<T> coarseToFine(int rounds, int topK, double padding) {
        this.rounds = Check.atLeast(where(), "rounds", rounds, 1);
        this.topK = Check.atLeast(where(), "topK", topK, 1);
        this.padding = Check.nonNegative(where(), "padding", padding);
        return this;
    }

    /** Records every trial in {@code study}; a study that already has trials needs {@link #resume()}. */
    public Search<T> study(Study study) {
        this.study = Objects.requireNonNull(study, "study");
        return this;
    }

    /**
     * Continues the study: keeps its finished trials, reruns those left RUNNING, runs the rest. The
     * space, sampler, goal, pruner and objective must be the study's (see {@link Study}).
     */
    public Search<T> resume() {
        this.resume = true;
        return this;
    }

    /**
     * How often a running trial's worker stamps its heartbeat (with the database's clock); a trial
     * whose heartbeat is older than twice this is failed as {@code stale} by the next worker that
     * claims work, and its point is run again once. Default {@value #DEFAULT_HEARTBEAT_SECONDS} s.
     */
    public Search<T> heartbeat(Duration interval) {
        this.heartbeat = positive("heartbeat", interval);
        return this;
    }

    /** The search stops with an error after this many failed trials in a row, {@code >= 1}; default {@value #DEFAULT_MAX_CONSECUTIVE_FAILURES}. */
    public Search<T> maxConsecutiveFailures(int n) {
        this.maxConsecutiveFailures = Check.atLeast(where(), "maxConsecutiveFailures", n, 1);
        return this;
    }

    /** This process's name in the study; default host:pid. */
    public Search<T> worker(String name) {
        this.worker = Check.notNull(where(), "worker", name);
        return this;
    }

    /** Called after each trial (from its worker thread): progress bars, logging. */
    public Search<T> onTrialEnd(Consumer<TrialResult> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Runs the search.
     *
     * @throws InvalidConfigException listing every missing setting, or if the study does not match
     */
    public SearchResult<T> run() {
        List<Problem> problems = new ArrayList<>();
        if (objective == null) {
            problems.add(Problem.of(where(), "objective", null, "objective(...) is required"));
        }
        if (goal == null) {
            problems.add(new Problem(where(), "goal", null, "the goal is not set", "Call maximize() or minimize()"));
        }
        if (objective instanceof TrainingObjective && epochsPerTrial != null
                && epochsPerTrial != ((TrainingObjective) objective).epochs()) {
            problems.add(new Problem(where(), "epochsPerTrial", epochsPerTrial, String.format("epochsPerTrial must "
                    + "match the TrainingObjective's epochs, got epochsPerTrial=%d, epochs=%d", epochsPerTrial,
                    ((TrainingObjective) objective).epochs()), "Drop epochsPerTrial(...): a TrainingObjective sets it"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        Sampler sampler = samplerFactory.apply(seed);
        int perRound = Math.min(trials, sampler.size(space));
        Study shared = study != null ? study : Study.inMemory(space.name());
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> daemon(r, "fluentdl-trial-timers"));
        try {
            shared.begin(StudyJson.space(space), describe(sampler, perRound), goal.name(), pruner.describe(),
                    describeObjective());
            int stored = shared.rows().size();
            long grace = 2 * heartbeat.toMillis();
            if (stored > 0 && !resume && shared.live(grace) == 0) {
                throw InvalidConfigException.of(where(), "study", shared.name(), String.format(
                        "study '%s' in %s already has %d trials", shared.name(), shared.url(), stored),
                        "Call resume() to continue it, or use a new study name");
            }
            io.fluentdl.internal.dl4j.NativeThreads.blasFor(workers); // parallel trials share the cores' GEMMs out
            EpochHistory history = new EpochHistory();
            TrialRunner<T> runner = new TrialRunner<>(objective, goal, monitor, pruner, finalEpoch(), trialTimeLimit,
                    shared, study != null, history, timers, listener);
            SearchRun.Plan<T> plan = new SearchRun.Plan<>(space, sampler, goal, perRound, rounds, topK, padding, workers,
                    timeBudget, epochBudget, heartbeat, maxConsecutiveFailures, worker);
            return new SearchRun<>(plan, shared, runner, timers).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.format("%s was interrupted", where()), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException && cause.getMessage() != null
                    && cause.getMessage().startsWith(where())) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(String.format("%s: %s", where(), cause.getMessage()), cause);
        } finally {
            timers.shutdownNow();
            if (study == null) {
                shared.close();
            }
        }
    }

    /** The epoch at which trials stop anyway (see {@link #epochsPerTrial}); MAX_VALUE when unknown. */
    private int finalEpoch() {
        if (epochsPerTrial != null) {
            return epochsPerTrial;
        }
        return objective instanceof TrainingObjective ? ((TrainingObjective) objective).epochs() : Integer.MAX_VALUE;
    }

    private String describe(Sampler sampler, int perRound) {
        return rounds == 1 ? sampler.describe() : String.format("%s, coarseToFine(rounds=%d, topK=%d, padding=%s, "
                + "trialsPerRound=%d)", sampler.describe(), rounds, topK, padding, perRound);
    }

    /**
     * The objective as the study records it: {@link TrialObjective#describe()}, plus what this search
     * adds to a trial's budget and judging that the objective cannot say, namely epochsPerTrial (the
     * epoch the pruner leaves alone; a TrainingObjective's own epochs already say it) and a monitored
     * metric other than the objective's own.
     */
    private String describeObjective() {
        boolean training = objective instanceof TrainingObjective;
        List<String> parts = new ArrayList<>(List.of(objective.describe()));
        if (!training && epochsPerTrial != null) {
            parts.add(String.format("epochsPerTrial=%d", epochsPerTrial));
        }
        String ownMonitor = training ? ((TrainingObjective) objective).metric().key() : SCORE;
        if (!monitor.equals(ownMonitor)) {
            parts.add(String.format("monitor=%s", monitor));
        }
        return String.join(", ", parts);
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

    private String where() {
        return String.format("Search over '%s'", space.name());
    }
}
