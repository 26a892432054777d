package io.fluentdl.track;

/**
 * What a histogram describes. The lecture's batch-norm case study compares all three with and without BN.
 */
public enum HistogramKind {
    /** Parameter values after the iteration's update. */
    WEIGHTS,
    /**
     * Gradients of the minibatch's mean loss, before the updater (momentum, Adam) and regularization:
     * what Keras/TensorFlow report (DL4J's backprop sums over the minibatch; the tracker divides, as
     * DL4J's updater does).
     */
    GRADIENTS,
    /** The change the updater applied: parameters after the iteration minus parameters before. */
    UPDATES
}
