package io.fluentdl.experiments.search;

import io.fluentdl.experiments.ExperimentInfo;
import io.fluentdl.experiments.OwnOutputExperiment;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.progress.ProgressTask;
import io.fluentdl.search.Importance;
import io.fluentdl.search.TrialResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Random vs grid search with the same 16 trials on MNIST, over the seeds: see {@link RandomVsGrid}. */
public final class RandomVsGridExperiment implements OwnOutputExperiment {

    public static final String NAME = "random-vs-grid";

    private static final ExperimentInfo INFO = ExperimentInfo.of(NAME,
            "Same 16 trials, grid (4 learning rates) vs random (16): Adam lr matters, epsilon hardly; best score over seeds",
            RandomVsGrid.full().epochs(), RandomVsGrid.quick().epochs());

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public String runAndWrite(RunContext context) throws Exception {
        Instant start = Instant.now();
        RandomVsGrid.Settings base = context.quick() ? RandomVsGrid.quick() : RandomVsGrid.full();
        RandomVsGrid.Settings s = new RandomVsGrid.Settings(base.trainSize(), base.validationSize(), context.epochs(),
                base.batchSize(), base.trials(), base.gridPoints(), context.seeds());
        RandomVsGrid experiment = new RandomVsGrid(s, context.dataDir().orElse(null), context.outDir());
        ProgressTask task = context.progress().start(NAME, 2L * s.trials() * s.seeds().size());
        List<RandomVsGrid.Run> runs = experiment.run(t -> task.step());
        task.close(String.format("%d searches", runs.size()));

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("experiment", NAME);
        results.put("seeds", s.seeds());
        results.put("epochs", s.epochs());
        results.put("trials", s.trials());
        results.put("train_size", s.trainSize());
        results.put("validation_size", s.validationSize());
        results.put("space", "lr log-uniform [1e-4, 1e-1], epsilon log-uniform [1e-8, 1e-5]; Adam, 784-64-10 ReLU, batch "
                + s.batchSize());
        Map<String, Object> methods = new LinkedHashMap<>();
        StringBuilder console = new StringBuilder();
        SearchFiles files = new SearchFiles(context.outDir(), NAME, String.format("Grid (%dx%d) and random search, %d "
                + "trials each, on %d MNIST training images scored on %d held-out ones after %d epochs, seeds %s.",
                s.gridPoints(), s.gridPoints(), s.trials(), s.trainSize(), s.validationSize(), s.epochs(), s.seeds()));
        for (String method : List.of("grid", "random")) {
            List<Double> best = new ArrayList<>();
            List<Integer> distinct = new ArrayList<>();
            runs.stream().filter(r -> r.method().equals(method)).forEach(r -> {
                best.add(r.best());
                distinct.add(r.distinctLearningRates());
            });
            double mean = best.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double std = best.size() < 2 ? 0 : Math.sqrt(best.stream().mapToDouble(b -> (b - mean) * (b - mean)).sum()
                    / (best.size() - 1));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("best_val_accuracy_mean", mean);
            m.put("best_val_accuracy_std", std);
            m.put("best_per_seed", best);
            m.put("distinct_learning_rates", distinct);
            methods.put(method, m);
            String line = String.format(Locale.ROOT, "%-6s best val_accuracy %.4f ± %.4f over %d seeds; distinct "
                    + "learning rates tried: %s%n", method, mean, std, best.size(), distinct);
            console.append(line);
            files.number(method, line.trim());
        }
        results.put("methods", methods);
        List<Map<String, Object>> out = new ArrayList<>();
        List<List<String>> csv = new ArrayList<>();
        csv.add(List.of("method", "seed", "trial", "lr", "epsilon", "status", "epoch", "val_accuracy", "val_loss",
                "accuracy", "loss"));
        for (RandomVsGrid.Run r : runs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", r.method());
            m.put("seed", r.seed());
            m.put("best_score", r.best());
            m.put("best_params", SweepRunner.plain(r.result().best().params()));
            m.put("distinct_learning_rates", r.distinctLearningRates());
            List<Map<String, Object>> imp = new ArrayList<>();
            for (Importance i : r.importance()) {
                imp.add(Map.of("name", i.name(), "share", i.share(), "spearman", i.spearman()));
            }
            m.put("importance", imp);
            List<Map<String, Object>> trials = new ArrayList<>();
            for (TrialResult t : r.result().trials()) {
                trials.add(Map.of("number", t.number(), "lr", t.params().get("lr"), "epsilon", t.params().get("epsilon"),
                        "status", t.status().name(), "score", t.score()));
                t.epochs().forEach((epoch, metrics) -> csv.add(List.of(r.method(), Long.toString(r.seed()),
                        Integer.toString(t.number()), t.params().get("lr").toString(), t.params().get("epsilon").toString(),
                        t.status().name(), Integer.toString(epoch), str(metrics.get("val_accuracy")),
                        str(metrics.get("val_loss")), str(metrics.get("accuracy")), str(metrics.get("loss")))));
            }
            m.put("trials", trials);
            out.add(m);
        }
        results.put("runs", out);
        RandomVsGrid.Run grid = runs.get(0);
        RandomVsGrid.Run random = runs.get(1);
        for (RandomVsGrid.Run r : runs) {   // each search's page sections, named as its tracked trials' study
            files.search(RandomVsGrid.study(r.method(), r.seed()), "val_accuracy", r.result());
        }
        files.spec("best-random-seed-" + random.seed(), random.result().bestModel())
                .table(random.result().table());
        files.write(results, csv, context, start);
        return console.toString();
    }

    static String str(Double v) {
        return v == null ? "" : v.toString();
    }
}
