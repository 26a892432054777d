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

    /** The name used on the command line and as the output folder, e.g. {@code bn-case-study}. */
    String name();

    /** One line for {@code ./fluentdl list}. */
    String description();

    /** Epochs of a full run, used unless {@code --epochs} is given. */
    int defaultEpochs();

    /** Epochs of a {@code --quick} run, used unless {@code --epochs} is given. */
    int quickEpochs();

    /** Runs every variant over {@link RunContext#seeds()} and returns the measurements. */
    ExperimentOutput run(RunContext context) throws Exception;
}
