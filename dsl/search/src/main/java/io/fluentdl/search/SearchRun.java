package io.fluentdl.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fluentdl.search.storage.TrialQueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One process's part of a search: {@code workers} threads, each claiming the study's next trial
 * ({@link TrialQueue}), drawing its point when it starts (so TPE sees every trial finished by then,
 * from any process), and running it; a heartbeat thread stamps the running trials. Ends when the
 * study's budget is finished (or this process's time or epoch budget is spent), and returns the
 * whole study's trials, every worker's.
 */
final class SearchRun<T> {

    /** Settings a run needs from its {@link Search}. */
    record Plan<T>(SearchSpace<T> space, Sampler sampler, Goal goal, int perRound, int rounds, int topK, double padding,
                   int workers, Duration timeBudget, int epochBudget, Duration heartbeat, int maxConsecutiveFailures,
                   String worker) {
    }

    private final Plan<T> plan;
    private final Study study;
    private final TrialRunner<T> runner;
    private final ScheduledExecutorService timers;
    private final List<SearchSpace<T>> spaces = new CopyOnWriteArrayList<>();
    private final Set<Integer> running = ConcurrentHashMap.newKeySet();
    /** The trials this process ran, as the runner saw them (metric order, exact timings), by number. */
    private final Map<Integer, TrialResult> local = new ConcurrentHashMap<>();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicInteger epochsSpent = new AtomicInteger();
    private final AtomicReference<String> stopped = new AtomicReference<>();
    private final long start = System.nanoTime();

    SearchRun(Plan<T> plan, Study study, TrialRunner<T> runner, ScheduledExecutorService timers) {
        this.plan = plan;
        this.study = study;
        this.runner = runner;
        this.timers = timers;
        this.spaces.add(plan.space());
    }

    SearchResult<T> run() throws InterruptedException, ExecutionException {
        long beat = plan.heartbeat().toMillis();
        Future<?> heartbeats = timers.scheduleAtFixedRate(() -> study.heartbeat(new ArrayList<>(running)),
                beat, beat, TimeUnit.MILLISECONDS);
        for (Study.Row row : study.rows().values()) {
            epochsSpent.addAndGet(row.epochs().size());
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(plan.workers(), r -> Search.daemon(r,
                String.format("fluentdl-trial-%d", threadNumber.incrementAndGet())));
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int w = 0; w < plan.workers(); w++) {
                threads.add(pool.submit(() -> {
                    work();
                    return null;
                }));
            }
            for (Future<?> f : threads) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            heartbeats.cancel(false);
        }
        if (stopped.get() != null) {
            throw new IllegalStateException(stopped.get());
        }
        int lastRound = study.rows().values().stream().mapToInt(Study.Row::round).max().orElse(0);
        for (int r = 1; r <= lastRound; r++) {
            spaceOf(r);
        }
        return new SearchResult<>(plan.space(), plan.goal(), results());
    }

    /** One worker thread: claim, draw, run, until the budget is done. */
    private void work() throws InterruptedException {
        long grace = 2 * plan.heartbeat().toMillis();
        long poll = Math.max(50, Math.min(1000, plan.heartbeat().toMillis() / 2));
        while (stopped.get() == null && withinBudget()) {
            TrialQueue.Claim claim = study.claim(plan.perRound(), plan.rounds(), plan.worker(), grace);
            if (claim.kind() == TrialQueue.Kind.DONE) {
                return;
            }
            if (claim.kind() == TrialQueue.Kind.WAIT) {
                Thread.sleep(poll);
                continue;
            }
            int round = claim.slot() / plan.perRound();
            SearchSpace<T> space = spaceOf(round);
            running.add(claim.number());
            try {
                if (space == null) {
                    // no finished trial to narrow the next round around: nothing sensible to run
                    study.finished(claim.number(), TrialStatus.FAIL, Double.NaN,
                            "coarse-to-fine: no scored trial to narrow the space around", 0);
                    return;
                }
                double[] units = claim.hasPoint() ? units(claim.units()) : plan.sampler().point(
                        plan.sampler().size(space) == Integer.MAX_VALUE ? claim.slot() : claim.slot() % plan.perRound(),
                        space, finishedIn(round), plan.goal());
                TrialResult result = runner.run(space, claim.number(), claim.slot(), round, units, plan.worker());
                local.put(result.number(), result);
                epochsSpent.addAndGet(result.epochCount());
                countFailure(result);
            } finally {
                running.remove(claim.number());
            }
        }
    }

    private boolean withinBudget() {
        return (plan.timeBudget() == null || System.nanoTime() - start < plan.timeBudget().toNanos())
                && epochsSpent.get() < plan.epochBudget();
    }

    private void countFailure(TrialResult result) {
        if (result.status() != TrialStatus.FAIL) {
            consecutiveFailures.set(0);
        } else if (consecutiveFailures.incrementAndGet() >= plan.maxConsecutiveFailures()) {
            stopped.compareAndSet(null, String.format("Search over '%s': %d trials in a row failed "
                    + "(max_consecutive_failures=%d); the last, trial %d: %s. Fix what makes them fail (the study "
                    + "keeps every trial; resume continues it), or raise maxConsecutiveFailures.",
                    plan.space().name(), consecutiveFailures.get(), plan.maxConsecutiveFailures(), result.number(),
                    result.reason()));
        }
    }

    /**
     * The space of coarse-to-fine round {@code round}: the first is the search's; each later one is
     * narrowed around the best trials of the rounds before it, which every worker reads from the
     * study once they have all finished (the queue holds back a round's first trial until then),
     * so all workers narrow to the same space. Null if there is no scored trial to narrow around.
     */
    synchronized SearchSpace<T> spaceOf(int round) {
        while (spaces.size() <= round) {
            SearchSpace<T> last = spaces.get(spaces.size() - 1);
            List<Trial> top = new ArrayList<>();
            List<TrialResult> before = new ArrayList<>();
            for (TrialResult t : results()) {
                if (t.round() < spaces.size()) {
                    before.add(t);
                }
            }
            for (TrialResult r : SearchResult.sorted(plan.goal(), before)) {
                // pruned trials count too (after every completed one): with ASHA most trials are pruned
                if ((r.status() == TrialStatus.COMPLETE || r.status() == TrialStatus.PRUNED) && !Double.isNaN(r.score())
                        && top.size() < plan.topK()) {
                    top.add(last.trialWith(r.params()));
                }
            }
            if (top.isEmpty()) {
                return null;
            }
            spaces.add(CoarseToFine.narrow(last, top, plan.padding()));
        }
        return spaces.get(round);
    }

    /** The round's finished trials, every worker's: their units are points of the round's space. */
    private List<TrialResult> finishedIn(int round) {
        List<TrialResult> out = new ArrayList<>();
        for (TrialResult t : results()) {
            if (t.round() == round && t.status().isFinished()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Every trial of the study: this process's as it ran them, the others' with params rebuilt in their round's space. */
    private List<TrialResult> results() {
        List<TrialResult> out = new ArrayList<>();
        for (Study.Row row : study.rows().values()) {
            TrialResult mine = local.get(row.number());
            if (mine != null && mine.status() == row.status()) {
                out.add(mine);
                continue;
            }
            SearchSpace<T> space = row.round() < spaces.size() ? spaces.get(row.round()) : null;
            Map<String, Object> params = space != null && row.units().length == space.dimensions()
                    ? space.trial(row.number(), row.units()).params() : Map.of();
            out.add(new TrialResult(row.number(), row.round(), params, row.units(), row.status(), row.score(),
                    row.reason(), row.epochs(), row.millis(), row.worker(), row.slot()));
        }
        return out;
    }

    private static double[] units(String json) {
        try {
            return StudyJson.units(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(String.format("unreadable stored point %s", json), e);
        }
    }
}
