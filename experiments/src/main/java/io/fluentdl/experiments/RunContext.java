package io.fluentdl.experiments;

import io.fluentdl.experiments.progress.Progress;
import io.fluentdl.experiments.runs.UnitRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything an experiment may read about the run it is part of.
 *
 * @param outDir      this experiment's output folder, {@code <out>/<name>/} (created by the runner)
 * @param seeds       the seeds to run every variant with, e.g. [1, 2, 3, 4, 5]; each seed fixes the
 *                    weights and the batch order
 * @param epochs      epochs per variant and seed (the experiment's default, its quick value, or
 *                    {@code --epochs})
 * @param quick       {@code --quick}: fewer seeds and epochs, to check that everything runs
 * @param dataDir     {@code --data}, where data sets are read from; empty means the default lookup
 * @param quiet       {@code --quiet}: no progress output
 * @param backend     the backend asked for
 * @param progress    makes progress bars (or plain lines, or nothing) for long work
 * @param commandLine the command line as typed, for provenance
 * @param resume      {@code --resume}: units that already FINISHED in {@code outDir} are read back, not
 *                    trained again (see {@link #units(String)})
 * @param datasetName {@code --dataset-name}: what the data in {@code --data} is, for tables and reports;
 *                    empty means "MNIST" for MNIST's files, else the folder's name
 */
public record RunContext(Path outDir, List<Long> seeds, int epochs, boolean quick, Optional<Path> dataDir,
                         boolean quiet, Backend backend, Progress progress, List<String> commandLine,
                         boolean resume, Optional<String> datasetName) {

    public RunContext {
        seeds = List.copyOf(seeds);
        commandLine = List.copyOf(commandLine);
    }

    /** A context whose data set is named by its files. */
    public RunContext(Path outDir, List<Long> seeds, int epochs, boolean quick, Optional<Path> dataDir,
                      boolean quiet, Backend backend, Progress progress, List<String> commandLine, boolean resume) {
        this(outDir, seeds, epochs, quick, dataDir, quiet, backend, progress, commandLine, resume, Optional.empty());
    }

    /** A context without {@code --resume}. */
    public RunContext(Path outDir, List<Long> seeds, int epochs, boolean quick, Optional<Path> dataDir,
                      boolean quiet, Backend backend, Progress progress, List<String> commandLine) {
        this(outDir, seeds, epochs, quick, dataDir, quiet, backend, progress, commandLine, false);
    }

    /**
     * Runs this experiment's variant × seed units as tracked runs under {@code outDir} (and, with
     * {@code --resume}, reads back those that finished). Call once per experiment run.
     */
    public UnitRunner units(String experiment) {
        return new UnitRunner(outDir, experiment, epochs, resume);
    }
}
