package io.fluentdl.experiments;

/**
 * An experiment whose measurements do not fit the variants x seeds x epochs schema of
 * {@link io.fluentdl.experiments.results.Results} (a search's trials, a sampler's draws). It writes
 * the same files itself into {@link RunContext#outDir()}: {@code results.json} (its own documented
 * schema), {@code metrics.csv}, {@code provenance.json}, {@code plots/} and {@code report.html}.
 */
public non-sealed interface OwnOutputExperiment extends Experiment {

    /** Runs, writes the files, and returns the lines to print on the console. */
    String runAndWrite(RunContext context) throws Exception;
}
