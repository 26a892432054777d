package io.fluentdl.experiments;

/**
 * One reproducible question, runnable as {@code ./fluentdl run <name>}.
 *
 * <p>Two shapes, so that no experiment has a method it cannot honour: a {@link ResultsExperiment}
 * returns variants x seeds x epochs measurements and the runner writes every file from them (most
 * experiments); an {@link OwnOutputExperiment} measures something else (a search's trials, a sampler's
 * draws) and writes the same files itself. The runner switches over the two.
 */
public sealed interface Experiment permits ResultsExperiment, OwnOutputExperiment {

    /** Name, description, and the epochs and seeds of full and quick runs. */
    ExperimentInfo info();
}
