package io.fluentdl.experiments;

import io.fluentdl.experiments.bn.BnCaseStudy;

/** The experiments that ship with FluentDL, in the order {@code list} shows them. */
public final class Experiments {

    private Experiments() {
    }

    /** A registry of every shipped experiment. */
    public static ExperimentRegistry registry() {
        return new ExperimentRegistry()
                .add(BnCaseStudy::new);
    }
}
