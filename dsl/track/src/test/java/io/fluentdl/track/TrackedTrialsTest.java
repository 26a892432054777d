package io.fluentdl.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.search.Hp;
import io.fluentdl.search.RandomSearch;
import io.fluentdl.search.SearchResult;
import io.fluentdl.search.SearchSpace;
import io.fluentdl.search.Trial;
import io.fluentdl.search.TrialPruned;
import io.fluentdl.search.TrialResult;
import io.fluentdl.search.TrialStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackedTrialsTest {

    private static final Hp<Double> X = Hp.uniform("x", 0, 1);
    private static final int EPOCHS = 3;

    @TempDir
    Path root;

    private static SearchSpace<Map<String, Object>> space() {
        return SearchSpace.named("tiny").params(X).model(Trial::params);
    }

    @Test
    void eachTrialBecomesATrackedRunTaggedWithStudyTrialAndWorker() {
        SearchResult<Map<String, Object>> result = RandomSearch.over(space()).trials(3).seed(5).maximize()
                .monitor("acc").worker("box:1")
                .objective((model, trial, reporter) -> {
                    double x = trial.get(X);
                    for (int e = 1; e <= EPOCHS; e++) {
                        reporter.report(e, Map.of("acc", x * e, "loss", 1 - x * e));
                    }
                    return x * EPOCHS;
                })
                .trialHook(TrackedTrials.in(root)).run();

        RunIndex index = RunIndex.at(root);
        assertEquals(3, index.query(RunQuery.experiment("tiny").tag(TrackedTrials.studyTag("tiny"))).size());
        assertEquals(3, result.trials().size());
        for (TrialResult t : result.trials()) {
            List<Run> found = index.query(RunQuery.experiment("tiny").tag(TrackedTrials.trialTag(t.number())));
            assertEquals(1, found.size(), "trial " + t.number());
            Run run = found.get(0);
            assertTrue(t.worker().startsWith("box:1"), t.worker());
            assertEquals(List.of("study:tiny", "trial:" + t.number(), "worker:" + t.worker()), run.tags());
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals(String.format("trial-%d", t.number()), run.name());
            assertEquals(t.score(), run.summary().get(TrackedTrials.SCORE), 0);
            assertEquals((Double) t.params().get("x"), run.config().path("params").path("x").asDouble(), 0);
            assertEquals(t.number(), run.config().path("trial").asInt());
            assertEquals("MAXIMIZE", run.config().path("goal").asText());

            RunReader reader = RunReader.open(index.runDir(run.id()));
            for (String metric : List.of("acc", "loss")) {
                MetricSeries series = reader.series(Scope.EPOCH, metric);
                assertArrayEquals(new long[]{1, 2, 3}, series.x(), metric);
                double[] reported = t.epochs().values().stream().mapToDouble(m -> m.get(metric)).toArray();
                assertArrayEquals(reported, series.y(), 0, metric);   // the trial's own numbers, unchanged
            }
            double x = (Double) t.params().get("x");
            assertArrayEquals(new double[]{x, 2 * x, 3 * x}, reader.series(Scope.EPOCH, "acc").y(), 1e-15);
        }
    }

    @Test
    void prunedAndFailedTrialsEndAsPrunedAndFailedRunsWithTheirReasons() {
        SearchResult<Map<String, Object>> result = RandomSearch.over(space()).trials(3).seed(5).maximize()
                .monitor("acc")
                .objective((model, trial, reporter) -> {
                    reporter.report(1, Map.of("acc", 0.25));
                    if (trial.number() == 0) {
                        throw new IllegalStateException("out of luck");
                    }
                    if (trial.number() == 1) {
                        reporter.report(3, Map.of("acc", 0.5));   // epochs may be skipped
                        throw new TrialPruned(3, "worse than the median");
                    }
                    return 0.75;
                })
                .trialHook(TrackedTrials.in(root).named("tiny-2")).run();

        RunIndex index = RunIndex.at(root);
        Map<Integer, TrialStatus> statuses = Map.of(0, TrialStatus.FAIL, 1, TrialStatus.PRUNED, 2, TrialStatus.COMPLETE);
        for (TrialResult t : result.trials()) {
            assertEquals(statuses.get(t.number()), t.status());
            List<Run> found = index.query(RunQuery.experiment("tiny-2").tag(TrackedTrials.studyTag("tiny-2"))
                    .tag(TrackedTrials.trialTag(t.number())));
            assertEquals(1, found.size());
            Run run = found.get(0);
            MetricSeries acc = RunReader.open(index.runDir(run.id())).series(Scope.EPOCH, "acc");
            switch (t.number()) {
                case 0 -> {
                    assertEquals(RunStatus.FAILED, run.status());
                    assertTrue(run.error().contains("out of luck"), run.error());
                    assertFalse(run.summary().containsKey(TrackedTrials.SCORE));   // a failed trial has no score
                }
                case 1 -> {
                    assertEquals(RunStatus.PRUNED, run.status());
                    assertTrue(run.error().contains("worse than the median"), run.error());
                    assertEquals(0.5, run.summary().get(TrackedTrials.SCORE), 0);
                    assertArrayEquals(new long[]{1, 3}, acc.x());
                    assertArrayEquals(new double[]{0.25, 0.5}, acc.y(), 0);
                }
                default -> {
                    assertEquals(RunStatus.FINISHED, run.status());
                    assertNull(run.error());
                    assertEquals(0.75, run.summary().get(TrackedTrials.SCORE), 0);
                }
            }
        }
    }
}
