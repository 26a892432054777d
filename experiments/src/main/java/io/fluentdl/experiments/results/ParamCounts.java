package io.fluentdl.experiments.results;

/** Parameter counts as Keras shows them: BN running mean/variance are non-trainable. */
public record ParamCounts(long total, long trainable, long nonTrainable) {
}
