package io.fluentdl.track;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs of one experiment that FINISHED under a tracking root, found by name and config: what an interrupted
 * experiment reuses when it resumes instead of training them again (W&amp;B's resume, for whole runs). Runs that
 * failed or were interrupted are never found; they stay in the store, as W&amp;B keeps crashed runs.
 *
 * <pre>{@code
 * FinishedRuns done = FinishedRuns.in(root, "bn-case-study", "unit");
 * Optional<Run> earlier = done.find("bn-after", config);
 * List<Double> acc = done.epochValues(earlier.get(), "val_accuracy");
 * }</pre>
 */
public final class FinishedRuns {

    private final RunIndex index;
    private final Map<String, Run> byKey = new HashMap<>();

    private FinishedRuns(RunIndex index) {
        this.index = index;
    }

    /**
     * The FINISHED runs of {@code experiment} tagged {@code tag} under {@code root}. The index is rebuilt from the run
     * folders first, so a run that ended after its index write failed is still found.
     */
    public static FinishedRuns in(Path root, String experiment, String tag) {
        FinishedRuns runs = new FinishedRuns(RunIndex.at(root));
        runs.index.rebuild();
        // newest first: the newest finished run of a name and config wins
        for (Run run : runs.index.query(RunQuery.experiment(experiment).tag(tag).status(RunStatus.FINISHED))) {
            runs.byKey.putIfAbsent(key(run.name(), run.config()), run);
        }
        return runs;
    }

    /** The newest finished run named {@code name} whose config equals {@code config} (numbers compared by value). */
    public Optional<Run> find(String name, JsonNode config) {
        return Optional.ofNullable(byKey.get(key(name, config)));
    }

    /** The run's epoch-scope series of {@code metric}, one value per logged epoch, exactly as logged. */
    public List<Double> epochValues(Run run, String metric) {
        MetricSeries series = RunReader.open(index.runDir(run.id())).series(Scope.EPOCH, metric);
        return Arrays.stream(series.y()).boxed().toList();
    }

    /** Name and config as text with canonical number types (a long written reads back as an int). */
    private static String key(String name, JsonNode config) {
        try {
            return name + '\n' + Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
