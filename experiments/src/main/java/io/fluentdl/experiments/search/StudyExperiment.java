package io.fluentdl.experiments.search;

import io.fluentdl.experiments.OwnOutputExperiment;
import io.fluentdl.experiments.RunContext;

/**
 * A search experiment whose searches can be recorded in a named study ({@code --storage}, {@code --study},
 * {@code --heartbeat} on {@code fluentdl run}), so several processes can share them as they share a sweep.
 */
public interface StudyExperiment extends OwnOutputExperiment {

    /** Runs with every search recorded in the study {@code where} names, writes the files, returns the summary. */
    String runAndWrite(RunContext context, SweepRunner.Where where) throws Exception;
}
