package io.fluentdl.layers;

/** What a pooling layer keeps of each window: its maximum or its mean. Maps to DL4J's {@code PoolingType}. */
public enum PoolType {
    MAX,
    AVG
}
