package io.fluentdl.track;

import io.fluentdl.search.TrialHook;
import io.fluentdl.search.TrialResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search's trials as tracked runs: each trial becomes one run under {@code root} ({@code runs/<id>/run.json},
 * {@code metrics.jsonl}, a row in {@code runs.db}), in the experiment named after its study and tagged
 * {@code study:<name>}, {@code trial:<number>} and {@code worker:<worker>}. Each epoch the trial reports is one
 * epoch record; the run ends FINISHED (complete), PRUNED or FAILED, with the trial's score in its summary.
 * The study keeps numbering, claims and heartbeats; this is the record of what each trial did.
 *
 * <pre>{@code
 * SearchResult<ModelSpec> result = RandomSearch.over(space).trials(20).objective(objective)
 *         .trialHook(TrackedTrials.in(Path.of("results/bn-search")))
 *         .run();
 * List<Run> trials = RunIndex.at(Path.of("results/bn-search")).query(RunQuery.any().tag(TrackedTrials.studyTag("bn-search")));
 * }</pre>
 * Needs fluentdl-search on the class path (an optional dependency of fluentdl-track).
 */
public final class TrackedTrials implements TrialHook {

    /** The summary key of the trial's score (the objective's value; a pruned trial's last monitored value). */
    public static final String SCORE = "score";

    private final Path root;
    private final String study;
    private final List<String> tags;
    private Map<String, Object> provenance;

    private TrackedTrials(Path root, String study, List<String> tags) {
        this.root = root;
        this.study = study;
        this.tags = List.copyOf(tags);
    }

    /** Trials become runs under {@code root} (its {@code runs/} folder and {@code runs.db}). */
    public static TrackedTrials in(Path root) {
        return new TrackedTrials(root, null, List.of());
    }

    /**
     * A copy that records the trials under study {@code name}: for several searches without a study of
     * their own in one folder (each would otherwise take its space's name). Default: the search's study.
     */
    public TrackedTrials named(String name) {
        return new TrackedTrials(root, name, tags);
    }

    /** A copy that also puts {@code extra} tags on every trial's run (e.g. "quick"). */
    public TrackedTrials tags(String... extra) {
        List<String> all = new ArrayList<>(tags);
        all.addAll(Arrays.asList(extra));
        return new TrackedTrials(root, study, all);
    }

    public static String studyTag(String study) {
        return "study:" + study;
    }

    public static String trialTag(int number) {
        return "trial:" + number;
    }

    public static String workerTag(String worker) {
        return "worker:" + worker;
    }

    @Override
    public Log started(Start start) {
        String name = study != null ? study : start.study();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("study", name);
        config.put("trial", start.number());
        config.put("round", start.round());
        config.put("worker", start.worker());
        config.put("goal", start.goal().name());
        config.put("monitor", start.monitor());
        config.put("params", start.params());
        List<String> runTags = new ArrayList<>(List.of(studyTag(name), trialTag(start.number()),
                workerTag(start.worker())));
        runTags.addAll(tags);
        Tracker run = Tracker.in(root).experiment(name).name(String.format("trial-%d", start.number()))
                .config(config).tags(runTags.toArray(new String[0])).provenance(provenance()).stepEvery(0).start();
        return new Log() {
            @Override
            public void epoch(int epoch, Map<String, Double> metrics) {
                run.logEpoch(epoch, metrics);
            }

            @Override
            public void ended(TrialResult result) {
                Map<String, Double> summary = new LinkedHashMap<>();
                if (Double.isFinite(result.score())) {
                    summary.put(SCORE, result.score());
                }
                switch (result.status()) {
                    case COMPLETE -> run.end(RunStatus.FINISHED, summary, null);
                    case PRUNED -> run.end(RunStatus.PRUNED, summary, result.reason());
                    default -> run.end(RunStatus.FAILED, summary, result.reason().isEmpty()
                            ? String.format("trial ended as %s", result.status()) : result.reason());
                }
            }
        };
    }

    /** Collected once per search: every trial runs in this process, on this machine. */
    private synchronized Map<String, Object> provenance() {
        if (provenance == null) {
            provenance = SystemInfo.collect();
        }
        return provenance;
    }

    @Override
    public String toString() {
        return String.format("TrackedTrials(%s)", root);
    }
}
