package io.fluentdl.experiments;

import io.fluentdl.experiments.bn.BnCaseStudy;
import io.fluentdl.experiments.lrtest.LrRangeTestExperiment;
import io.fluentdl.experiments.mnist.KerasMnistConvnet;
import io.fluentdl.experiments.mnist.KerasMnistMlp;
import io.fluentdl.experiments.mnist.MnistBatchNorm;
import io.fluentdl.experiments.mnist.MnistMomentum;
import io.fluentdl.experiments.mnist.MnistOptimizers;
import io.fluentdl.experiments.mnist.MnistSchedules;
import io.fluentdl.experiments.search.MnistSearchExperiment;
import io.fluentdl.experiments.search.RandomVsGridExperiment;
import io.fluentdl.experiments.search.SamplingScalesExperiment;

/** The experiments that ship with FluentDL, in the order {@code list} shows them. */
public final class Experiments {

    private Experiments() {
    }

    /** A registry of every shipped experiment. */
    public static ExperimentRegistry registry() {
        return new ExperimentRegistry()
                .add(BnCaseStudy::new)
                .add(MnistMomentum::new)
                .add(MnistBatchNorm::new)
                .add(MnistOptimizers::new)
                .add(MnistSchedules::new)
                .add(LrRangeTestExperiment::new)
                .add(KerasMnistMlp::new)
                .add(KerasMnistConvnet::new)
                .add(SamplingScalesExperiment::new)
                .add(RandomVsGridExperiment::new)
                .add(MnistSearchExperiment::new);
    }
}
