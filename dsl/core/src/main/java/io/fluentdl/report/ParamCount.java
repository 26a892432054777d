package io.fluentdl.report;

/**
 * Parameter counts as Keras reports them: batch norm's running mean and variance are parameters but
 * not trainable (DL4J's own summary counts them as ordinary parameters).
 */
public record ParamCount(long total, long trainable, long nonTrainable) {

    public static final ParamCount ZERO = new ParamCount(0, 0, 0);

    public ParamCount plus(ParamCount other) {
        return new ParamCount(total + other.total, trainable + other.trainable, nonTrainable + other.nonTrainable);
    }
}
