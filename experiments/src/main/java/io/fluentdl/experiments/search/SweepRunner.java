package io.fluentdl.experiments.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.internal.dl4j.NativeThreads;
import io.fluentdl.search.Importance;
import io.fluentdl.search.Search;
import io.fluentdl.search.SearchResult;
import io.fluentdl.search.Study;
import io.fluentdl.search.TrialResult;
import io.fluentdl.search.TrialStatus;
import io.fluentdl.experiments.sweep.Knob;
import io.fluentdl.experiments.sweep.Sweep;
import io.fluentdl.experiments.sweep.SweepModel;
import io.fluentdl.experiments.sweep.SweepParam;
import io.fluentdl.track.Json;
import io.fluentdl.track.TrackedTrials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Runs a {@link Sweep} the way {@code ./fluentdl search} does: ND4J threads shared among the
 * workers, a persistent study in {@code <dir>/study.db}, the best model retrained and scored on the
 * test split; and turns the outcome into the rows of {@code results.json} and {@code metrics.csv}.
 */
public final class SweepRunner {

    /** The study file inside a sweep's output folder: {@value}. */
    public static final String STUDY_FILE = "study.db";

    /**
     * What a sweep run produced.
     *
     * @param testAccuracy the best model retrained on the train split and scored on the test split (NaN without one)
     * @param threads      ND4J threads per op used (shared by the workers)
     * @param storage      where the study lives, password masked
     */
    public record Outcome(Sweep sweep, SearchResult<ModelSpec> result, double testAccuracy, int threads, double seconds,
                          Where study, String storage) {
    }

    /**
     * Where the study lives and how this process takes part.
     *
     * @param storage          {@code sqlite:PATH} or {@code postgresql://...}; null: {@code sqlite:<dir>/study.db}
     * @param study            the study's name in the storage; null: the sweep's name
     * @param heartbeatSeconds how often a running trial's heartbeat is stamped
     */
    public record Where(String storage, String study, int heartbeatSeconds) {

        /** The sweep's own SQLite file in its output folder, under the sweep's name. */
        public static Where local() {
            return new Where(null, null, Search.DEFAULT_HEARTBEAT_SECONDS);
        }

        /** Whether a storage was named: then processes join the study instead of refusing an existing one. */
        public boolean shared() {
            return storage != null;
        }

        String url(Path dir) {
            return storage != null ? storage : "sqlite:" + dir.resolve(STUDY_FILE);
        }

        String name(Sweep sweep) {
            return study != null ? study : sweep.name();
        }

        /** The place of an experiment's searches in {@code dir}: a named storage is joined, as is a resumed run. */
        public StudyPlace place(Path dir, String defaultName, boolean resume) {
            return new StudyPlace(url(dir), study != null ? study : defaultName, heartbeatSeconds, resume || shared());
        }
    }

    private SweepRunner() {
    }

    /**
     * Runs {@code sweep}, recording it in {@code dir/study.db}.
     *
     * @param resume  continue the study (keep finished trials, rerun in-flight ones once they are stale)
     * @param dataDir MNIST folder (null: the usual lookup)
     * @param onTrial called after each trial (from its worker thread)
     */
    public static Outcome run(Sweep sweep, Path dir, boolean resume, Path dataDir, Consumer<TrialResult> onTrial) {
        return run(sweep, dir, Where.local(), resume, dataDir, onTrial);
    }

    /**
     * Runs {@code sweep} as one worker of the study {@code where} names: a shared storage is joined
     * (every process running the same sweep on it splits the budget), a local file needs {@code resume}
     * to continue an existing study.
     */
    public static Outcome run(Sweep sweep, Path dir, Where where, boolean resume, Path dataDir,
                              Consumer<TrialResult> onTrial) {
        int threads = NativeThreads.limitFor(sweep.workers());
        long start = System.nanoTime();
        SweepModel.Splits data = sweep.model().load(dataDir);
        SearchResult<ModelSpec> result;
        String storage;
        try (Study study = Study.open(where.url(dir), where.name(sweep))) {
            storage = study.url();
            // each trial a tracked run in dir/runs and dir/runs.db, beside results.json
            Search<ModelSpec> search = sweep.search(data).study(study).onTrialEnd(onTrial).trialHook(TrackedTrials.in(dir))
                    .heartbeat(java.time.Duration.ofSeconds(where.heartbeatSeconds()));
            if (resume || where.shared()) {
                search = search.resume();
            }
            result = search.run();
        }
        double test = Double.NaN;
        if (data.test() != null && !result.trials(TrialStatus.COMPLETE).isEmpty()) {
            Model model = Model.of(result.bestModel());
            model.fit(data.train(), sweep.model().epochs(), batchSize(sweep, result.best()));
            test = model.evaluate(data.test()).accuracy();
        }
        return new Outcome(sweep, result, test, threads, (System.nanoTime() - start) / 1e9, where, storage);
    }

    static int batchSize(Sweep sweep, TrialResult trial) {
        SweepParam p = sweep.param(Knob.BATCH_SIZE);
        return p == null ? (Integer) sweep.model().fixed().get(Knob.BATCH_SIZE)
                : ((Number) trial.params().get(p.name())).intValue();
    }

    /** The content of results.json: settings, counts, best trial (params, spec, test accuracy), importance, trials best first. */
    public static Map<String, Object> results(Outcome o) {
        SearchResult<ModelSpec> r = o.result();
        Sweep s = o.sweep();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sweep", s.name());
        root.put("description", s.description());
        root.put("method", s.method().name().toLowerCase());
        root.put("metric", s.metric().key());
        root.put("goal", s.goal().name().toLowerCase());
        root.put("early_terminate", s.earlyTerminate() == null ? null : s.earlyTerminate().pruner().toString());
        root.put("coarse_to_fine_rounds", s.rounds());
        root.put("workers", s.workers());
        root.put("threads_per_op", o.threads());
        root.put("trials_run", r.trials().size());
        root.put("complete", r.trials(TrialStatus.COMPLETE).size());
        root.put("pruned", r.trials(TrialStatus.PRUNED).size());
        root.put("failed", r.trials(TrialStatus.FAIL).size());
        root.put("total_epochs", r.totalEpochs());
        root.put("seconds", o.seconds());
        root.put("study", o.study().name(s));
        root.put("storage", o.storage());
        if (!r.trials(TrialStatus.COMPLETE).isEmpty()) {
            Map<String, Object> best = new LinkedHashMap<>();
            TrialResult b = r.best();
            best.put("number", b.number());
            best.put("score", b.score());
            best.put("test_accuracy", o.testAccuracy());
            best.put("params", tree(r.bestParamsJson()));
            best.put("spec", tree(r.bestModel().toJson()));
            root.put("best", best);
        }
        root.put("space", space(r.space()));
        List<Map<String, Object>> importance = new ArrayList<>();
        for (Importance i : r.importance()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", i.name());
            m.put("spearman", i.spearman());
            m.put("variance_explained", i.varianceExplained());
            m.put("share", i.share());
            importance.add(m);
        }
        root.put("warnings", warnings(o));
        root.put("importance_method", "spearman rank correlation of value and score; variance share of binned "
                + "marginals (eta squared, fANOVA-style, no interactions), over completed trials");
        root.put("importance", importance);
        List<Map<String, Object>> trials = new ArrayList<>();
        for (TrialResult t : r.trials()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", t.number());
            m.put("round", t.round());
            m.put("status", t.status().name());
            m.put("state", t.status().name());
            m.put("worker", t.worker());
            m.put("score", t.score());
            m.put("params", plain(t.params()));
            m.put("epochs", t.epochCount());
            m.put("seconds", t.millis() / 1000.0);
            m.put("reason", t.reason());
            trials.add(m);
        }
        root.put("trials", trials);
        return root;
    }

    /** metrics.csv: a header, then one row per trial and epoch (trial, round, status, epoch, each metric). */
    public static List<List<String>> metricsRows(SearchResult<ModelSpec> r) {
        TreeSet<String> keys = new TreeSet<>();
        r.trials().forEach(t -> t.epochs().values().forEach(m -> keys.addAll(m.keySet())));
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("trial", "round", "status", "epoch"));
        header.addAll(keys);
        rows.add(header);
        List<TrialResult> byNumber = new ArrayList<>(r.trials());
        byNumber.sort(java.util.Comparator.comparingInt(TrialResult::number));
        for (TrialResult t : byNumber) {
            t.epochs().forEach((epoch, m) -> {
                List<String> row = new ArrayList<>(List.of(Integer.toString(t.number()), Integer.toString(t.round()),
                        t.status().name(), Integer.toString(epoch)));
                for (String k : keys) {
                    Double v = m.get(k);
                    row.add(v == null ? "" : Double.toString(v));
                }
                rows.add(row);
            });
        }
        return rows;
    }

    /** What the results cannot say: TPE that never left its random start-up, importance over too few trials. */
    public static List<String> warnings(Outcome o) {
        List<String> warnings = new ArrayList<>();
        if (o.sweep().method() == Sweep.Method.BAYES) {
            // per round: coarse-to-fine restarts the sampler each round
            io.fluentdl.search.TpeSampler.startupWarning(o.sweep().trials(), io.fluentdl.search.TpeSampler.DEFAULT_STARTUP_TRIALS)
                    .ifPresent(warnings::add);
        }
        Importance.fewTrialsWarning(o.result().trials(TrialStatus.COMPLETE).size()).ifPresent(warnings::add);
        return warnings;
    }

    /** Each Hp: name, kind (its factory's scale, e.g. log_uniform), and its range or values: how the report draws its axis. */
    static List<Map<String, Object>> space(io.fluentdl.search.SearchSpace<?> space) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (io.fluentdl.search.Hp<?> hp : space.params()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", hp.name());
            m.put("kind", hp.kind().key());
            if (hp.kind().isNumeric()) {
                m.put("low", hp.low());
                m.put("high", hp.high());
            } else {
                m.put("values", hp.values().stream().map(String::valueOf).toList());
            }
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> plain(Map<String, Object> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v instanceof Number || v instanceof Boolean ? v : String.valueOf(v)));
        return out;
    }

    static JsonNode treeNode(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
