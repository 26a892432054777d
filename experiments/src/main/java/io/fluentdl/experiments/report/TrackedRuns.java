package io.fluentdl.experiments.report;

import io.fluentdl.experiments.runs.UnitRunner;
import io.fluentdl.track.HistogramRecord;
import io.fluentdl.track.Run;
import io.fluentdl.track.RunFiles;
import io.fluentdl.track.RunIndex;
import io.fluentdl.track.RunQuery;
import io.fluentdl.track.RunReader;
import io.fluentdl.track.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tracked runs of an experiment folder ({@code runs/} and {@code runs.db}, written by
 * {@link UnitRunner}), looked up for the report: which run produced each variant × seed of
 * {@code results.json}, and the runs that did not finish. A folder without tracked runs (older runs,
 * or a results.json copied alone) reports without them.
 */
final class TrackedRuns {

    private final Path dir;
    private final Map<String, Run> byUnit = new HashMap<>();
    private final List<Run> unfinished;

    private TrackedRuns(Path dir, List<Run> all, int epochs) {
        this.dir = dir;
        // newest first: the newest finished run of a unit is the one results.json was made from
        for (Run run : all) {
            if (run.status() == RunStatus.FINISHED && run.seed() != null
                    && run.config().path("epochs").asInt(-1) == epochs) {
                byUnit.putIfAbsent(key(run.name(), run.seed()), run);
            }
        }
        this.unfinished = all.stream().filter(r -> r.status() != RunStatus.FINISHED).toList();
    }

    /** The tracked runs under {@code dir} of {@code experiment}, if the folder has any. */
    static Optional<TrackedRuns> in(Path dir, String experiment, int epochs) {
        if (!Files.isDirectory(dir.resolve(RunFiles.RUNS))) {
            return Optional.empty();
        }
        RunIndex index = RunIndex.at(dir);
        index.rebuild();
        return Optional.of(new TrackedRuns(dir, index.query(RunQuery.experiment(experiment).tag(UnitRunner.TAG)), epochs));
    }

    /** The finished run of one variant and seed. */
    Optional<Run> unit(String variant, long seed) {
        return Optional.ofNullable(byUnit.get(key(variant, seed)));
    }

    /** Runs that were interrupted, failed or are still running, newest first. */
    List<Run> unfinished() {
        return unfinished;
    }

    /** The histograms a unit's run recorded (none when it recorded none). */
    List<HistogramRecord> histograms(String variant, long seed) {
        return unit(variant, seed).map(r -> RunReader.open(RunFiles.runDir(dir, r.id())).histograms())
                .orElse(List.of());
    }

    /** The run directory relative to the experiment folder, for links. */
    static String link(Run run) {
        return RunFiles.RUNS + "/" + run.id() + "/" + RunFiles.META;
    }

    private static String key(String variant, long seed) {
        return variant + '\u0000' + seed;
    }
}
