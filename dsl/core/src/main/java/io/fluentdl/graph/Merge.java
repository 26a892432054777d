package io.fluentdl.graph;

/**
 * How a merge node combines its inputs, Keras' merge layers.
 *
 * <p>Maps to DL4J: {@link #ADD} → {@code ElementWiseVertex(Op.Add)}, {@link #CONCATENATE} →
 * {@code MergeVertex} (along the features of vectors, the channels of images).
 */
public enum Merge {
    /** Element-wise sum of inputs of one shape, Keras' {@code Add}: the residual connection. */
    ADD("Add", "add"),
    /** Inputs side by side, Keras' {@code Concatenate(axis=-1)}: vectors end to end, images channel after channel. */
    CONCATENATE("Concatenate", "concatenate");

    private final String kind;
    private final String autoPrefix;

    Merge(String kind, String autoPrefix) {
        this.kind = kind;
        this.autoPrefix = autoPrefix;
    }

    /** The Keras type shown by {@code summary()}. */
    public String kind() {
        return kind;
    }

    /** The prefix of auto names ({@code add_1}, {@code concatenate_1}). */
    public String autoPrefix() {
        return autoPrefix;
    }
}
