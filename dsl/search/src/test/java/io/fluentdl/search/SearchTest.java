package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.fluentdl.search.Synthetic.DROPOUT;
import static io.fluentdl.search.Synthetic.LR;
import static io.fluentdl.search.Synthetic.UNITS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTest {

    private static Map<Integer, Map<String, Object>> paramsByNumber(SearchResult<?> r) {
        Map<Integer, Map<String, Object>> out = new TreeMap<>();
        r.trials().forEach(t -> out.put(t.number(), t.params()));
        return out;
    }

    @Test
    void randomSearchFindsTheOptimumRegionAndSortsBestFirst() {
        SearchResult<Map<String, Object>> result = RandomSearch.over(Synthetic.space())
                .trials(40).seed(7).maximize().objective(Synthetic.objective()).run();
        assertEquals(40, result.trials().size());
        TrialResult best = result.best();
        assertTrue(best.score() > 0.9, result::table);
        double lr = (Double) best.params().get("learningRate");
        assertTrue(lr > 1e-3 && lr < 1e-1, result::table);
        for (int i = 1; i < result.trials().size(); i++) {
            assertTrue(result.trials().get(i - 1).score() >= result.trials().get(i).score());
        }
        assertEquals(best.params(), result.bestModel());
        assertEquals(40 * Synthetic.EPOCHS, result.totalEpochs());
        assertTrue(result.table().contains("learningRate"), result::table);
    }

    @Test
    void sameSeedGivesTheSameTrialsWithAnyNumberOfWorkers() {
        SearchResult<Map<String, Object>> one = RandomSearch.over(Synthetic.space())
                .trials(50).seed(3).maximize().objective(Synthetic.objective()).run();
        SearchResult<Map<String, Object>> two = RandomSearch.over(Synthetic.space())
                .trials(50).seed(3).workers(2).maximize().objective(Synthetic.objective()).run();
        assertEquals(paramsByNumber(one), paramsByNumber(two));
        assertEquals(one.best().params(), two.best().params());
    }

    @Test
    void aNanLossFailsTheTrialAndTheSearchGoesOn() {
        SearchResult<Map<String, Object>> result = RandomSearch.over(Synthetic.space()).trials(10).minimize()
                .objective((m, trial, reporter) -> {
                    reporter.report(1, 0.5);
                    if (trial.number() == 3) {
                        reporter.report(2, Double.NaN);
                    }
                    if (trial.number() == 4) {
                        throw new IllegalStateException("out of memory on the device");
                    }
                    return trial.number() == 5 ? Double.POSITIVE_INFINITY : trial.get(LR);
                }).run();
        assertEquals(7, result.trials(TrialStatus.COMPLETE).size());
        List<TrialResult> failed = result.trials(TrialStatus.FAIL);
        assertEquals(List.of(3, 4, 5), failed.stream().map(TrialResult::number).toList());
        assertEquals("diverged: score became NaN at epoch 2", failed.get(0).reason());
        assertEquals("IllegalStateException: out of memory on the device", failed.get(1).reason());
        assertEquals("diverged: the objective returned Infinity", failed.get(2).reason());
        assertEquals(TrialStatus.FAIL, result.trials().get(9).status());
    }

    @Test
    void aTrialOverItsTimeLimitFails() {
        SearchResult<Map<String, Object>> result = RandomSearch.over(Synthetic.space()).trials(3).minimize()
                .trialTimeLimit(Duration.ofMillis(200))
                .objective((m, trial, reporter) -> {
                    if (trial.number() == 1) {
                        for (int e = 1; ; e++) {            // reports: stopped at the next report
                            Thread.sleep(30);
                            reporter.report(e, 1.0);
                        }
                    }
                    if (trial.number() == 2) {
                        Thread.sleep(60_000);               // silent: interrupted
                    }
                    return 1.0;
                }).run();
        assertEquals(TrialStatus.COMPLETE, result.trials().get(0).status());
        for (TrialResult t : result.trials(TrialStatus.FAIL)) {
            assertTrue(t.reason().startsWith("time limit PT0.2S exceeded after "), t.reason());
            assertTrue(t.millis() < 5_000, () -> "took " + t.millis());
        }
        assertEquals(2, result.trials(TrialStatus.FAIL).size());
    }

    @Test
    void missingSettingsAreReportedTogether() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> RandomSearch.over(Synthetic.space()).run());
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().contains("Search over 'synthetic': objective(...) is required."), e.getMessage());
        assertTrue(e.getMessage().contains("Call maximize() or minimize()."), e.getMessage());
    }

    @Test
    void successiveHalvingSavesEpochsAndKeepsTheBest() {
        SearchResult<Map<String, Object>> full = RandomSearch.over(Synthetic.space())
                .trials(30).seed(11).maximize().objective(Synthetic.objective()).run();
        SearchResult<Map<String, Object>> asha = RandomSearch.over(Synthetic.space())
                .trials(30).seed(11).maximize().pruner(Pruner.successiveHalving(1, 3))
                .objective(Synthetic.objective()).run();
        assertTrue(asha.totalEpochs() < full.totalEpochs() / 2,
                () -> String.format("ASHA %d vs full %d epochs", asha.totalEpochs(), full.totalEpochs()));
        assertTrue(asha.trials(TrialStatus.PRUNED).size() > 10);
        assertEquals(full.best().params(), asha.best().params());
        TrialResult pruned = asha.trials(TrialStatus.PRUNED).get(0);
        assertTrue(pruned.reason().startsWith("successive halving at epoch "), pruned.reason());
        assertEquals(pruned.epochs().get(pruned.epochs().lastKey()).get("score"), pruned.score());
    }

    @Test
    void hyperbandJudgesTrialsWithinTheirBracketAndSpendsBetweenAshaAndNoPruning() {
        HyperbandPruner hyperband = new HyperbandPruner(1, Synthetic.EPOCHS, 3);
        SearchResult<Map<String, Object>> full = RandomSearch.over(Synthetic.space())
                .trials(30).seed(11).maximize().objective(Synthetic.objective()).run();
        SearchResult<Map<String, Object>> asha = RandomSearch.over(Synthetic.space())
                .trials(30).seed(11).maximize().pruner(Pruner.successiveHalving(1, 3))
                .objective(Synthetic.objective()).run();
        SearchResult<Map<String, Object>> hb = RandomSearch.over(Synthetic.space())
                .trials(30).seed(11).maximize().pruner(hyperband)
                .objective(Synthetic.objective()).run();
        assertTrue(asha.totalEpochs() < hb.totalEpochs() && hb.totalEpochs() < full.totalEpochs(),
                () -> String.format("ASHA %d, Hyperband %d, none %d epochs", asha.totalEpochs(), hb.totalEpochs(),
                        full.totalEpochs()));
        assertEquals(full.best().params(), hb.best().params());
        List<TrialResult> pruned = hb.trials(TrialStatus.PRUNED);
        assertTrue(pruned.size() > 5, hb::table);
        for (TrialResult t : pruned) {
            int b = hyperband.bracketOf(t.number());
            assertTrue(t.reason().startsWith(String.format("hyperband bracket %d ", b)), t.reason());
            assertTrue(hyperband.rungs(b).contains(t.epochs().lastKey()), t::toString);
        }
        assertTrue(pruned.stream().anyMatch(t -> hyperband.bracketOf(t.number()) == 1), hb::table);
        hb.trials().stream().filter(t -> hyperband.bracketOf(t.number()) == 2)
                .forEach(t -> assertEquals(TrialStatus.COMPLETE, t.status(), t::toString));
    }

    @Test
    void medianStoppingSavesEpochs() {
        SearchResult<Map<String, Object>> median = RandomSearch.over(Synthetic.space())
                .trials(30).seed(11).maximize().pruner(Pruner.median(2, 4))
                .objective(Synthetic.objective()).run();
        assertTrue(median.totalEpochs() < 30 * Synthetic.EPOCHS * 3 / 4, () -> "epochs: " + median.totalEpochs());
        assertTrue(median.best().score() > 0.9);
    }

    @Test
    void coarseToFineNarrowsLaterRounds() {
        AtomicInteger calls = new AtomicInteger();
        SearchResult<Map<String, Object>> result = RandomSearch.over(Synthetic.space())
                .trials(12).seed(5).maximize().coarseToFine(3, 3, 0.1)
                .onTrialEnd(t -> calls.incrementAndGet())
                .objective(Synthetic.objective()).run();
        assertEquals(36, calls.get());
        List<TrialResult> round2 = result.trials().stream().filter(t -> t.round() == 2).toList();
        assertEquals(12, round2.size());
        double spread0 = spread(result.trials().stream().filter(t -> t.round() == 0).toList());
        double spread2 = spread(round2);
        assertTrue(spread2 < spread0 / 2, () -> String.format("log10 lr spread %s then %s", spread0, spread2));
        assertTrue(result.best().round() > 0, result::table);
    }

    @Test
    void coarseToFineNarrowsAroundPrunedTrialsTooWhenFewComplete() {
        // every trial but the first is pruned after epoch 1: the second round must still centre on the best three
        SearchResult<Map<String, Object>> result = RandomSearch.over(Synthetic.space())
                .trials(12).seed(5).maximize().coarseToFine(2, 3, 0.0)
                .pruner((trial, epoch, value, history) -> trial == 0 ? null : "pruned for the test")
                .objective(Synthetic.objective()).run();
        List<TrialResult> round0 = result.trials().stream().filter(t -> t.round() == 0).toList();
        List<Double> top3 = round0.stream().filter(t -> t.status() == TrialStatus.PRUNED)
                .map(t -> Math.log10((Double) t.params().get("learningRate"))).limit(2).toList();
        double lo = Math.min(Math.log10((Double) round0.get(0).params().get("learningRate")), Math.min(top3.get(0), top3.get(1)));
        double hi = Math.max(Math.log10((Double) round0.get(0).params().get("learningRate")), Math.max(top3.get(0), top3.get(1)));
        result.trials().stream().filter(t -> t.round() == 1).forEach(t -> {
            double lg = Math.log10((Double) t.params().get("learningRate"));
            assertTrue(lg >= lo - 1e-9 && lg <= hi + 1e-9, () -> String.format("%s outside [%s, %s]", lg, lo, hi));
        });
    }

    /**
     * Two trials (minimize): trial 1 passes every check until its last epoch, where it falls below
     * trial 0, so a pruner judging that epoch would stop it.
     */
    static Stream<Arguments> lateLosers() {
        double[] nine = new double[9];
        Arrays.fill(nine, 1.0);
        double[] bestUntilNine = new double[9];
        Arrays.fill(bestUntilNine, 0.5);
        bestUntilNine[8] = 2.0;
        Pruner always = (trial, epoch, value, history) -> "always";
        return Stream.of(
                // ASHA rungs at 1, 3, 9: trial 1 is the best at 1 and 3, the worse of two at 9
                Arguments.of("asha", Pruner.successiveHalving(1, 3), nine, bestUntilNine, "successive halving at epoch 9"),
                // median: at epoch 3 trial 1's best so far, 0.5, is worse than trial 0's 0.1
                Arguments.of("median", Pruner.median(0, 1), new double[] {1.0, 1.0, 0.1}, new double[] {0.5, 0.5, 0.6},
                        "median stopping at epoch 3"),
                Arguments.of("any pruner", always, new double[] {1.0}, new double[] {1.0}, "always"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lateLosers")
    void aTrialThatReachesItsFinalEpochCompletes(String name, Pruner pruner, double[] first, double[] second,
                                                 String reason) {
        int last = second.length;
        SearchResult<Map<String, Object>> full = scripted(pruner, last, first, second);
        TrialResult finished = trial(full, 1);
        assertEquals(TrialStatus.COMPLETE, finished.status(), full::table);
        assertEquals(second[last - 1], finished.score());
        assertEquals(last, finished.epochCount());
        assertEquals("", finished.reason());
        // the same values with one epoch still to go: that epoch is judged like any other
        SearchResult<Map<String, Object>> longer = scripted(pruner, last + 1, Arrays.copyOf(first, last + 1),
                Arrays.copyOf(second, last + 1));
        TrialResult stopped = trial(longer, 1);
        assertEquals(TrialStatus.PRUNED, stopped.status(), longer::table);
        assertEquals(last, stopped.epochCount());
        assertTrue(stopped.reason().startsWith(reason), stopped.reason());
    }

    @Test
    void withoutEpochsPerTrialEveryEpochIsJudged() {
        // a lambda objective does not say how long it trains: its last epoch may be pruned
        double[] nine = new double[9];
        Arrays.fill(nine, 1.0);
        double[] bestUntilNine = new double[9];
        Arrays.fill(bestUntilNine, 0.5);
        bestUntilNine[8] = 2.0;
        SearchResult<Map<String, Object>> r = RandomSearch.over(Synthetic.space()).trials(2).minimize()
                .pruner(Pruner.successiveHalving(1, 3)).objective(scriptedObjective(nine, bestUntilNine)).run();
        assertEquals(TrialStatus.PRUNED, trial(r, 1).status(), r::table);
    }

    /** A search whose trial k reports {@code values[k]}, one value per epoch, and returns the last. */
    private static SearchResult<Map<String, Object>> scripted(Pruner pruner, int epochs, double[]... values) {
        return RandomSearch.over(Synthetic.space()).trials(values.length).minimize().pruner(pruner)
                .epochsPerTrial(epochs).objective(scriptedObjective(values)).run();
    }

    private static TrialObjective<Map<String, Object>> scriptedObjective(double[]... values) {
        return (model, trial, reporter) -> {
            double[] v = values[trial.number()];
            for (int e = 1; e <= v.length; e++) {
                reporter.report(e, v[e - 1]);
            }
            return v[v.length - 1];
        };
    }

    private static TrialResult trial(SearchResult<?> result, int number) {
        return result.trials().stream().filter(t -> t.number() == number).findFirst().orElseThrow();
    }

    private static double spread(List<TrialResult> trials) {
        double lo = trials.stream().mapToDouble(t -> Math.log10((Double) t.params().get("learningRate"))).min().orElseThrow();
        double hi = trials.stream().mapToDouble(t -> Math.log10((Double) t.params().get("learningRate"))).max().orElseThrow();
        return hi - lo;
    }

    @Test
    void importanceRanksTheParameterThatMatters() {
        SearchResult<Map<String, Object>> result = RandomSearch.over(Synthetic.space())
                .trials(80).seed(1).maximize().objective(Synthetic.objective()).run();
        List<Importance> importance = result.importance();
        assertEquals("learningRate", importance.get(0).name());
        Importance dropout = importance.stream().filter(i -> i.name().equals("dropout")).findFirst().orElseThrow();
        assertTrue(importance.get(0).share() > 0.6, importance::toString);
        assertTrue(dropout.share() < 0.2, importance::toString);
        assertTrue(Math.abs(dropout.spearman()) < 0.3, importance::toString);
    }

    @Test
    void gridSearchRunsTheWholeGrid() {
        SearchSpace<Map<String, Object>> space = SearchSpace.named("g")
                .params(LR, Hp.choice("act", "relu", "tanh"), Hp.fixed("epochs", 3)).model(Trial::params);
        SearchResult<Map<String, Object>> result = GridSearch.over(space, 5).minimize()
                .objective((m, t, r) -> Math.abs(Math.log10(t.get(LR)) + 2)).run();
        assertEquals(10, result.trials().size());
        assertEquals(1e-2, (Double) result.best().params().get("learningRate"), 1e-15);
        assertEquals(0.0, result.best().score(), 1e-12);
    }

    @Test
    void haltonCanDriveASearch() {
        SearchResult<Map<String, Object>> result = RandomSearch.over(Synthetic.space()).sampler(Sampler::halton)
                .trials(20).maximize().objective(Synthetic.objective()).run();
        assertEquals(20, result.trials(TrialStatus.COMPLETE).size());
        assertTrue(result.best().params().containsKey(DROPOUT.name()));
        assertTrue(result.best().params().containsKey(UNITS.name()));
    }
}
