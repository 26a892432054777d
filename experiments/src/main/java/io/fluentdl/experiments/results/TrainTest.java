package io.fluentdl.experiments.results;

/** A pair of final accuracies, e.g. a published reference run. */
public record TrainTest(double train, double test) {
}
