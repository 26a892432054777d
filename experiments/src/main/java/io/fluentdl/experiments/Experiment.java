package io.fluentdl.experiments;

import io.fluentdl.experiments.results.ExperimentOutput;

/**
 * One reproducible question, runnable as {@code ./fluentdl run <name>}.
 *
 * <p>An experiment trains its variants over the seeds of the {@link RunContext} and returns what it
 * measured; it writes no files itself: the runner turns the output into {@code results.json},
 * {@code metrics.csv}, {@code provenance.json}, the plots and {@code report.html}, the same way for
 * every experiment.
 */
public interface Experiment {

    /** Seeds per variant in a full run unless the experiment says otherwise: {@value}. */
    int DEFAULT_SEEDS = 5;
    /** Seeds per variant with {@code --quick} unless the experiment says otherwise: {@value}. */
    int DEFAULT_QUICK_SEEDS = 2;

    /** The name used on the command line and as the output folder, e.g. {@code bn-case-study}. */
    String name();

    /** One line for {@code ./fluentdl list}. */
    String description();

    /** Epochs of a full run, used unless {@code --epochs} is given. */
    int defaultEpochs();

    /** Epochs of a {@code --quick} run, used unless {@code --epochs} is given. */
    int quickEpochs();

    /**
     * Seeds per variant of a full run, used unless {@code --seeds} is given; experiments whose runs
     * are long may use fewer than {@value #DEFAULT_SEEDS}.
     */
    default int defaultSeeds() {
        return DEFAULT_SEEDS;
    }

    /** Seeds per variant of a {@code --quick} run, used unless {@code --seeds} is given. */
    default int quickSeeds() {
        return DEFAULT_QUICK_SEEDS;
    }

    /** Runs every variant over {@link RunContext#seeds()} and returns the measurements. */
    ExperimentOutput run(RunContext context) throws Exception;
}
