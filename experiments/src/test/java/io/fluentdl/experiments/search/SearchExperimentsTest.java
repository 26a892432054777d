package io.fluentdl.experiments.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fluentdl.experiments.Experiments;
import io.fluentdl.experiments.testing.Cli;
import io.fluentdl.search.Study;
import io.fluentdl.track.Run;
import io.fluentdl.track.RunIndex;
import io.fluentdl.track.RunQuery;
import io.fluentdl.track.RunStatus;
import io.fluentdl.track.TrackedTrials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three search experiments and {@code fluentdl search}, run in-process with --quick and tiny settings. */
class SearchExperimentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode results(Path runDir, String... keys) throws Exception {
        for (String f : List.of("results.json", "metrics.csv", "provenance.json", "report.html")) {
            assertTrue(Files.isRegularFile(runDir.resolve(f)), runDir.resolve(f).toString());
        }
        JsonNode root = JSON.readTree(runDir.resolve("results.json").toFile());
        for (String k : keys) {
            assertTrue(root.has(k), String.format("results.json has no '%s': %s", k, root));
        }
        return root;
    }

    private static Cli.Outcome ok(String... args) {
        Cli.Outcome o = Cli.run(Experiments.registry(), args);
        assertEquals(0, o.exitCode(), o.err() + o.out());
        return o;
    }

    @Test
    void samplingScalesQuick(@TempDir Path out) throws Exception {
        ok("run", "sampling-scales", "--quick", "--quiet", "--out", out.toString());
        Path dir = out.resolve("sampling-scales");
        JsonNode r = results(dir, "experiment", "seed", "draws", "scales");
        assertEquals(4, r.get("scales").size());
        assertEquals(0.5, r.get("scales").get(3).get("shares").get("[0.99, 0.999]").asDouble(), 0.05);
        assertTrue(Files.isRegularFile(dir.resolve("plots/alpha.svg")));
        String html = Files.readString(dir.resolve("report.html"));
        // the report pipeline's page: interactive charts (ECharts inline) drawn from results.json's report block
        assertTrue(html.contains("id=\"chart-alpha\"") && html.contains("id=\"chart-beta\""), html);
        assertTrue(html.contains("echarts"), "ECharts inline");
        assertTrue(!r.has("own_report"), r.toString());
        ok("report", out.toString());
        assertEquals(html, Files.readString(dir.resolve("report.html")), "fluentdl report rebuilds the same page");
    }

    @Test
    void randomVsGridQuick(@TempDir Path out) throws Exception {
        ok("run", "random-vs-grid", "--quick", "--quiet", "--out", out.toString());
        JsonNode r = results(out.resolve("random-vs-grid"), "experiment", "seeds", "epochs", "trials", "methods", "runs");
        assertEquals(4, r.get("methods").get("grid").get("distinct_learning_rates").get(0).asInt());
        assertEquals(16, r.get("methods").get("random").get("distinct_learning_rates").get(0).asInt());
        assertTrue(r.get("methods").get("random").has("best_val_accuracy_mean"));
        // every trial of every search is a tracked run beside results.json, under its search's study name
        RunIndex index = RunIndex.at(out.resolve("random-vs-grid"));
        int trials = r.get("trials").asInt() * r.get("seeds").size();
        long seed = r.get("seeds").get(0).asLong();
        for (String method : List.of("grid", "random")) {
            String study = String.format("random-vs-grid-%s-seed%d", method, seed);
            assertEquals(r.get("trials").asInt(), index.query(RunQuery.experiment(study).tag(TrackedTrials.studyTag(study))
                    .status(RunStatus.FINISHED)).size(), study);
        }
        assertEquals(2 * trials, index.all().size());
        String html = Files.readString(out.resolve("random-vs-grid").resolve("report.html"));
        for (String method : List.of("grid", "random")) {
            String id = String.format("random-vs-grid-%s-seed%d", method, seed);
            assertTrue(html.contains(String.format("id=\"%s-trials\"", id)), id);        // its trials table
            assertTrue(html.contains(String.format("id=\"chart-%s-score-vs-lr\"", id)), id); // its interactive chart
        }
        assertTrue(html.contains("id=\"trial-runs\""), "the tracked runs section");
    }

    @Test
    void mnistSearchQuick(@TempDir Path out) throws Exception {
        Cli.Outcome o = ok("run", "mnist-search", "--quick", "--epochs", "2", "--quiet", "--out", out.toString());
        JsonNode r = results(out.resolve("mnist-search"), "experiment", "seed", "settings", "pruned_search",
                "plain_random", "same_trials_with_and_without_asha", "plain_epochs_to_reach_pruned_best", "importance");
        JsonNode same = r.get("same_trials_with_and_without_asha");
        assertTrue(same.get("asha_epochs").asInt() <= same.get("plain_epochs").asInt(), r.toString());
        assertTrue(r.get("pruned_search").has("best_test_accuracy"));
        assertTrue(o.out().contains("pruning saved"), o.out());
        // 2 epochs cannot hold two Hyperband brackets (1 x eta 3 = 3): the arm is skipped, and says why
        assertEquals("skipped: Hyperband needs at least 3 epochs per trial for two brackets, got 2",
                r.get("hyperband_first_round").get("skipped").asText());
        assertTrue(o.out().contains("Hyperband: skipped"), o.out());
        // the pruned search's trials are tracked runs too, pruned ones ending PRUNED
        RunIndex index = RunIndex.at(out.resolve("mnist-search"));
        List<Run> pruned = index.query(RunQuery.experiment("mnist-search").tag(TrackedTrials.studyTag("mnist-search")));
        assertEquals(r.get("pruned_search").get("trials").asInt(), pruned.size(), r.get("pruned_search").toString());
        assertEquals(r.get("pruned_search").get("pruned").asInt(),
                pruned.stream().filter(run -> run.status() == RunStatus.PRUNED).count(), r.get("pruned_search").toString());
        assertEquals(r.get("plain_random").get("trials").asInt(), index.query(RunQuery.experiment("mnist-search-plain")).size());
        String html = Files.readString(out.resolve("mnist-search").resolve("report.html"));
        assertTrue(html.contains("id=\"chart-best-so-far\""), "best so far, interactive");
        assertTrue(html.contains("id=\"mnist-search-trials\"") && html.contains("id=\"mnist-search-plain-trials\""));
        assertTrue(html.contains("id=\"chart-mnist-search-parallel-coordinates\""), "parallel coordinates per search");
    }

    @Test
    void mnistSearchQuickWithHyperband(@TempDir Path out) throws Exception {
        Cli.Outcome o = ok("run", "mnist-search", "--quick", "--quiet", "--out", out.toString());
        JsonNode r = results(out.resolve("mnist-search"), "hyperband_first_round");
        JsonNode same = r.get("same_trials_with_and_without_asha");
        // the same first-round points: Hyperband stops some trials early, never runs more than the full budget
        assertTrue(same.get("hyperband_epochs").asInt() <= same.get("plain_epochs").asInt(), r.toString());
        assertEquals(r.get("settings").get("trialsPerRound").asInt(), r.get("hyperband_first_round").get("trials").asInt());
        assertTrue(o.out().contains("under Hyperband"), o.out());
    }

    @Test
    void bayesWithFewerTrialsThanItsStartupSaysItWasRandomSearch(@TempDir Path tmp) throws Exception {
        Path sweep = tmp.resolve("circles.yaml");
        Files.writeString(sweep, SweepRunnerTest.CIRCLES.replace("trials: 4", "trials: 2\nmethod: bayes")
                .replace("early_terminate: {type: asha, min_iter: 1, eta: 2}\n", ""));
        Path out = tmp.resolve("out");
        Cli.Outcome o = ok("search", sweep.toString(), "--quiet", "--out", out.toString());
        String tpe = "method bayes (TPE): trials=2 is not more than its 10 random start-up trials, so every trial was drawn at "
                + "random and this was random search. Run at least 11 trials for TPE to choose any.";
        assertTrue(o.out().contains("Warning: " + tpe), o.out());
        assertTrue(o.out().contains("Warning: parameter importance from 2 completed trials is not meaningful"), o.out());
        Path dir = out.resolve("circles");
        JsonNode warnings = results(dir, "warnings").get("warnings");
        assertEquals(tpe, warnings.get(0).asText());
        assertEquals(2, warnings.size());
        assertTrue(Files.readString(dir.resolve("report.html")).contains("Warning: method bayes (TPE)"));
        String commandLine = io.fluentdl.track.Json.read(dir.resolve("provenance.json"),
                io.fluentdl.experiments.results.Provenance.class).commandLine();
        assertEquals(String.format("./fluentdl search %s --quiet --out %s", sweep, out), commandLine);
    }

    @Test
    void searchCommandRunsASweepAndResumesIt(@TempDir Path tmp) throws Exception {
        Path sweep = tmp.resolve("circles.yaml");
        Files.writeString(sweep, SweepRunnerTest.CIRCLES);
        Path out = tmp.resolve("out");
        Cli.Outcome first = ok("search", sweep.toString(), "--trials", "3", "--quiet", "--out", out.toString());
        assertTrue(first.out().contains("Best params"), first.out());
        Path dir = out.resolve("circles");
        JsonNode r = results(dir, "sweep", "trials_run", "best", "importance", "trials");
        assertEquals(3, r.get("trials_run").asInt());
        assertTrue(r.get("best").get("spec").has("layers"), r.get("best").toString());
        assertTrue(Files.isRegularFile(dir.resolve("study.db")));
        assertEquals("log_uniform", r.get("space").get(0).get("kind").asText());
        assertTrue(Files.readString(dir.resolve("report.html")).contains("circles"));
        // each trial is a tracked run (runs/, runs.db) whose summary score is the trial's
        List<Run> tracked = RunIndex.at(dir).query(RunQuery.experiment("circles").tag(TrackedTrials.studyTag("circles")));
        assertEquals(3, tracked.size());
        for (JsonNode t : r.get("trials")) {
            Run run = tracked.stream().filter(x -> x.tags().contains(TrackedTrials.trialTag(t.get("number").asInt())))
                    .findFirst().orElseThrow();
            assertEquals(t.get("score").asDouble(), run.summary().get(TrackedTrials.SCORE), 0, t.toString());
            assertTrue(run.tags().contains(TrackedTrials.workerTag(t.get("worker").asText())), run.tags().toString());
        }
        assertTrue(Files.readString(dir.resolve("report.html")).contains("id=\"trial-runs\""));

        Cli.Outcome again = Cli.run(Experiments.registry(), "search", sweep.toString(), "--trials", "3", "--quiet",
                "--out", out.toString());
        assertEquals(2, again.exitCode(), again.out());
        assertTrue(again.err().contains("--resume"), again.err());
        Cli.Outcome resumed = ok("search", sweep.toString(), "--trials", "4", "--resume", "--quiet", "--out",
                out.toString());
        assertEquals(4, results(dir).get("trials_run").asInt(), resumed.out());
        assertEquals(4, RunIndex.at(dir).query(RunQuery.experiment("circles")).size(), "a resume tracks only the new trial");
        // resuming a complete study runs nothing and reports the whole study's best, not NaN (issue 18)
        Cli.Outcome complete = ok("search", sweep.toString(), "--trials", "4", "--resume", "--quiet", "--out",
                out.toString());
        JsonNode all = results(dir);
        assertEquals(4, all.get("trials_run").asInt(), complete.out());
        assertTrue(complete.out().contains(String.format(java.util.Locale.ROOT, "Best val_accuracy %.4f",
                all.get("best").get("score").asDouble())), complete.out());
        assertTrue(!complete.out().contains("NaN"), complete.out());
        all.get("trials").forEach(t -> assertTrue(t.get("worker").asText().contains(":"), t.toString()));

        // another model.epochs is another trial budget: refused before any trial runs
        Files.writeString(sweep, SweepRunnerTest.CIRCLES.replace("epochs: 3", "epochs: 5"));
        Cli.Outcome longer = Cli.run(Experiments.registry(), "search", sweep.toString(), "--trials", "6", "--resume",
                "--quiet", "--out", out.toString());
        assertEquals(1, longer.exitCode(), longer.err());
        assertTrue(longer.err().contains("Study 'circles': was created by another search; its objective was "
                + "training(epochs=3, batchSize=32, metric=val_accuracy, executions=1), this search's is "
                + "training(epochs=5, batchSize=32, metric=val_accuracy, executions=1). Use a new study name, or the "
                + "search that created it."), longer.err());
        try (Study study = Study.open(dir.resolve(SweepRunner.STUDY_FILE), "circles")) {
            assertEquals(4, study.storedParams().size());
        }
        assertEquals(4, results(dir).get("trials_run").asInt());
    }

    @Test
    void aBadSweepFileIsAUsageErrorWithItsLine(@TempDir Path tmp) throws Exception {
        Path sweep = tmp.resolve("bad.yaml");
        Files.writeString(sweep, "parameters:\n  lr: {distribution: log_uniformm, min: 1.0e-4, max: 0.1}\n");
        Cli.Outcome o = Cli.run(Experiments.registry(), "search", sweep.toString(), "--out", tmp.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("bad.yaml line 2: unknown distribution 'log_uniformm'"), o.err());
        assertTrue(o.err().contains("Did you mean 'log_uniform'?"), o.err());
    }

    @Test
    void theExampleSweepFileParses() {
        assertEquals("mnist-search", io.fluentdl.experiments.sweep.SweepParser.parse(Path.of("sweeps/mnist-search.yaml")).name());
    }
}
