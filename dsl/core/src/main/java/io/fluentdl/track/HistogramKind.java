package io.fluentdl.track;

/**
 * What a histogram describes. The lecture's batch-norm case study compares all three with and without BN.
 */
public enum HistogramKind {
    /** Parameter values after the iteration's update. */
    WEIGHTS,
    /** Gradients of the loss as backprop computed them, before the updater (momentum, Adam) and regularization. */
    GRADIENTS,
    /** The change the updater applied: parameters after the iteration minus parameters before. */
    UPDATES
}
