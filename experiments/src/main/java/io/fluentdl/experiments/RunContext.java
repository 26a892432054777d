package io.fluentdl.experiments;

import io.fluentdl.experiments.progress.Progress;
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
 */
public record RunContext(Path outDir, List<Long> seeds, int epochs, boolean quick, Optional<Path> dataDir,
                         boolean quiet, Backend backend, Progress progress, List<String> commandLine) {

    public RunContext {
        seeds = List.copyOf(seeds);
        commandLine = List.copyOf(commandLine);
    }
}
