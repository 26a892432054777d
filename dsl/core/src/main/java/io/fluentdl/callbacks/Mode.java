package io.fluentdl.callbacks;

/**
 * Whether a monitored metric improves by falling or by rising, Keras' {@code mode}. {@link #AUTO}
 * takes the metric's own direction ({@link io.fluentdl.train.Metric#largerIsBetter()}: losses MIN,
 * accuracies MAX), as Keras does from the name.
 */
public enum Mode {
    MIN,
    MAX,
    AUTO
}
