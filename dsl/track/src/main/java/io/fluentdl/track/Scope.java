package io.fluentdl.track;

/** Whether a metric record belongs to one training iteration or to a whole epoch. */
public enum Scope {
    /** One optimizer step (DL4J iteration); x-axis is the iteration number, 0-based. */
    STEP,
    /** One pass over the training data; x-axis is the epoch number, 1-based as Keras prints it. */
    EPOCH
}
