package io.fluentdl.experiments;

import io.fluentdl.experiments.results.ExperimentOutput;

/**
 * An experiment whose measurements fit the variants x seeds x epochs schema of
 * {@link io.fluentdl.experiments.results.Results}. It trains its variants over the seeds of the
 * {@link RunContext} and returns what it measured; it writes no files itself: the runner turns the
 * output into {@code results.json}, {@code metrics.csv}, {@code provenance.json}, the plots and
 * {@code report.html}, the same way for every experiment.
 */
public non-sealed interface ResultsExperiment extends Experiment {

    /** Runs every variant over {@link RunContext#seeds()} and returns the measurements. */
    ExperimentOutput run(RunContext context) throws Exception;
}
