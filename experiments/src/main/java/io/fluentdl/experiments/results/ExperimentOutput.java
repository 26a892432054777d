package io.fluentdl.experiments.results;

import java.util.List;

/**
 * What an experiment hands back to the runner: the measurements and how each variant was built.
 */
public record ExperimentOutput(Results results, List<VariantSpec> specs) {

    public ExperimentOutput {
        specs = List.copyOf(specs);
    }
}
