package io.fluentdl.experiments.search;

import io.fluentdl.ModelSpec;
import io.fluentdl.experiments.ExperimentInfo;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.results.DatasetInfo;
import io.fluentdl.experiments.progress.ProgressTask;
import io.fluentdl.search.SearchResult;
import io.fluentdl.search.TrialResult;
import io.fluentdl.search.TrialStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Random + coarse-to-fine + ASHA on MNIST against plain random search: see {@link MnistSearch}. First seed only. */
public final class MnistSearchExperiment implements StudyExperiment {

    public static final String NAME = "mnist-search";

    private static final ExperimentInfo INFO = ExperimentInfo.of(NAME,
            "Random + coarse-to-fine + ASHA over lr, momentum, units, layers, batch size, BN on MNIST: epochs saved vs plain random and Hyperband",
            MnistSearch.full().epochs(), MnistSearch.quick().epochs());

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public String runAndWrite(RunContext context) throws Exception {
        return runAndWrite(context, null);
    }

    /** With {@code where}, the three searches are studies NAME, NAME-plain and NAME-hyperband in its storage. */
    @Override
    public String runAndWrite(RunContext context, SweepRunner.Where where) throws Exception {
        Instant start = Instant.now();
        MnistSearch.Settings b = context.quick() ? MnistSearch.quick() : MnistSearch.full();
        MnistSearch.Settings s = new MnistSearch.Settings(b.trainSize(), b.validationSize(), b.testSize(),
                b.trialsPerRound(), b.rounds(), b.topK(), context.epochs(), b.minEpochs(), b.eta(), context.seeds().get(0),
                b.workers());
        MnistSearch search = new MnistSearch(s, context.dataDir().orElse(null),
                where == null ? null : where.place(context.outDir(), NAME, context.resume()), context.outDir());
        ProgressTask task = context.progress().start(NAME, search.totalTrials());
        double[] best = {Double.NaN};
        MnistSearch.Comparison c = search.run(t -> {
            synchronized (best) {
                if (t.status() == TrialStatus.COMPLETE && !(t.score() <= best[0])) {
                    best[0] = t.score();
                }
                task.message(String.format(Locale.ROOT, "best val_accuracy %.4f", best[0]));
                task.step();
            }
        });
        task.close(String.format(Locale.ROOT, "best val_accuracy %.4f", c.pruned().bestValidation()));

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("experiment", NAME);
        results.put("dataset", DatasetInfo.of(context.datasetName().map(search.data()::named).orElse(search.data())));
        results.put("seed", s.seed());
        results.put("settings", s);
        results.put("pruned_search", outcome("random + coarse-to-fine + ASHA", c.pruned()));
        results.put("plain_random", outcome("random, no pruning", c.plain()));
        String noHyperband = String.format("skipped: Hyperband needs at least %d epochs per trial for two brackets, got %d",
                s.minEpochs() * s.eta(), s.epochs());
        results.put("hyperband_first_round", c.hyperband() == null ? Map.of("skipped", noHyperband)
                : outcome("the first round's random points under Hyperband, no coarse-to-fine", c.hyperband()));
        Map<String, Object> roundOne = new LinkedHashMap<>();
        roundOne.put("trials", s.trialsPerRound());
        roundOne.put("asha_epochs", c.prunedRoundOneEpochs());
        roundOne.put("asha_best_val_accuracy", c.prunedRoundOneBest());
        roundOne.put("plain_epochs", c.plainRoundOneEpochs());
        roundOne.put("plain_best_val_accuracy", c.plainRoundOneBest());
        roundOne.put("pruning_saving", c.pruningSaving());
        if (c.hyperband() != null) {
            roundOne.put("hyperband_epochs", c.hyperband().totalEpochs());
            roundOne.put("hyperband_best_val_accuracy", c.hyperband().bestValidation());
        }
        results.put("same_trials_with_and_without_asha", roundOne);
        results.put("plain_epochs_to_reach_pruned_best", c.plainEpochsToReach());
        results.put("importance", c.pruned().result().importance());

        List<List<String>> csv = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(List.of("accuracy", "loss", "val_accuracy", "val_loss"));
        List<String> header = new ArrayList<>(List.of("search", "trial", "round", "status", "epoch"));
        header.addAll(keys);
        csv.add(header);
        rows(csv, "pruned", c.pruned().result(), keys);
        rows(csv, "plain", c.plain().result(), keys);
        if (c.hyperband() != null) {
            rows(csv, "hyperband", c.hyperband().result(), keys);
        }

        String reach = c.plainEpochsToReach() < 0 ? String.format("not reached in %d epochs (plain best %.4f)",
                c.plain().totalEpochs(), c.plain().bestValidation()) : String.format("%d epochs", c.plainEpochsToReach());
        String summary = String.format(Locale.ROOT, "random + coarse-to-fine + ASHA: best val_accuracy %.4f, test "
                + "accuracy %.4f, %d trials, %d epochs (%.0f s)%n"
                + "plain random (no pruning):      best val_accuracy %.4f, test accuracy %.4f, %d trials, %d epochs (%.0f s)%n"
                + "same %d first-round trials: ASHA %d epochs (best %.4f) vs %d epochs (best %.4f): pruning saved %.0f%%%n"
                + "plain random search to reach %.4f: %s%n",
                c.pruned().bestValidation(), c.pruned().bestTest(), c.pruned().result().trials().size(),
                c.pruned().totalEpochs(), c.pruned().seconds(), c.plain().bestValidation(), c.plain().bestTest(),
                c.plain().result().trials().size(), c.plain().totalEpochs(), c.plain().seconds(), s.trialsPerRound(),
                c.prunedRoundOneEpochs(), c.prunedRoundOneBest(), c.plainRoundOneEpochs(), c.plainRoundOneBest(),
                100 * c.pruningSaving(), c.pruned().bestValidation(), reach)
                + (c.hyperband() == null ? String.format("Hyperband: %s%n", noHyperband) : String.format(Locale.ROOT,
                        "same %d first-round trials under Hyperband: %d epochs (best %.4f), test accuracy %.4f%n",
                        s.trialsPerRound(), c.hyperband().totalEpochs(), c.hyperband().bestValidation(), c.hyperband().bestTest()));
        SearchFiles files = new SearchFiles(context.outDir(), NAME, String.format("Random search with %d trials per "
                + "round, %d rounds (coarse-to-fine around the top %d) and ASHA (rungs %d, x%d) against plain random "
                + "search with as many trials, on %d MNIST training images, %d validation images, %d test images, "
                + "up to %d epochs per trial, seed %d.", s.trialsPerRound(), s.rounds(), s.topK(), s.minEpochs(), s.eta(),
                s.trainSize(), s.validationSize(), s.testSize(), s.epochs(), s.seed()));
        for (String line : summary.split("\n")) {
            int colon = line.indexOf(':');
            files.number(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        // each search under its study name (MnistSearch.study), as its tracked trials are
        files.search(search.study(""), "val_accuracy", c.pruned().result())
                .search(search.study("-plain"), "val_accuracy", c.plain().result());
        if (c.hyperband() != null) {
            files.search(search.study("-hyperband"), "val_accuracy", c.hyperband().result());
        }
        files.bestSoFar("best-so-far", String.format("Best validation accuracy so far against the epochs spent (trials in "
                + "order): %s is random + coarse-to-fine + ASHA, %s plain random%s", search.study(""),
                search.study("-plain"), c.hyperband() == null ? "" : ", " + search.study("-hyperband")
                + " Hyperband over the first round"), "val_accuracy", List.of(search.study(""),
                search.study("-plain"), search.study("-hyperband")));
        ModelSpec bestSpec = c.pruned().result().bestModel();
        files.spec("best", bestSpec).table(c.pruned().result().table());
        files.write(results, csv, context, start);
        return summary;
    }

    private static Map<String, Object> outcome(String what, MnistSearch.Outcome o) {
        SearchResult<ModelSpec> r = o.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", what);
        m.put("best_val_accuracy", o.bestValidation());
        m.put("best_test_accuracy", o.bestTest());
        m.put("trials", r.trials().size());
        m.put("complete", r.trials(TrialStatus.COMPLETE).size());
        m.put("pruned", r.trials(TrialStatus.PRUNED).size());
        m.put("failed", r.trials(TrialStatus.FAIL).size());
        m.put("total_epochs", o.totalEpochs());
        m.put("seconds", o.seconds());
        m.put("best_params", SweepRunner.plain(r.best().params()));
        m.put("best_spec", SweepRunner.tree(r.bestModel().toJson()));
        return m;
    }

    private static void rows(List<List<String>> csv, String search, SearchResult<?> r, TreeSet<String> keys) {
        for (TrialResult t : r.trials()) {
            t.epochs().forEach((epoch, metrics) -> {
                List<String> row = new ArrayList<>(List.of(search, Integer.toString(t.number()),
                        Integer.toString(t.round()), t.status().name(), Integer.toString(epoch)));
                keys.forEach(k -> row.add(RandomVsGridExperiment.str(metrics.get(k))));
                csv.add(row);
            });
        }
    }
}
