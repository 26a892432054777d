package io.fluentdl.layers;

import io.fluentdl.errors.Check;

/**
 * The rare options of {@code dense(...)} and {@code output(...)}, set in a small lambda:
 * {@code dense(50, RELU, HE_UNIFORM, d -> d.useBias(true).l2(1e-4))}.
 */
public final class DenseOptions {

    private final String where;
    private Boolean useBias;
    private double l1;
    private double l2;
    private double weightDecay;
    private String name;
    private boolean trainable = true;

    DenseOptions(String where) {
        this.where = where;
    }

    /**
     * Keep or drop the bias. Unset: kept, except for a dense layer whose batch norm comes before its
     * activation, where BN's beta makes the bias redundant (Ioffe &amp; Szegedy 2015, §3.2).
     */
    public DenseOptions useBias(boolean useBias) {
        this.useBias = useBias;
        return this;
    }

    /** Keras L1 penalty on the weights, λ·Σ|w|; λ ≥ 0. */
    public DenseOptions l1(double lambda) {
        this.l1 = Check.nonNegative(where, "l1", lambda);
        return this;
    }

    /** Keras L2 penalty on the weights, λ·Σw²; λ ≥ 0. */
    public DenseOptions l2(double lambda) {
        this.l2 = Check.nonNegative(where, "l2", lambda);
        return this;
    }

    /** Decoupled weight decay (see {@link Regularization}); ≥ 0. */
    public DenseOptions weightDecay(double decay) {
        this.weightDecay = Check.nonNegative(where, "weightDecay", decay);
        return this;
    }

    /** A name instead of the automatic {@code dense_k}. */
    public DenseOptions name(String name) {
        this.name = name;
        return this;
    }

    /**
     * Keras' {@code trainable}: {@code false} freezes the layer (fit leaves its weights as they are), as
     * {@code Sequential.freeze(name)} does; the output layer cannot be frozen. Default {@code true}.
     */
    public DenseOptions trainable(boolean trainable) {
        this.trainable = trainable;
        return this;
    }

    /** Whether {@link #trainable(boolean)} left the layer trainable. */
    public boolean isTrainable() {
        return trainable;
    }

    Boolean useBias() {
        return useBias;
    }

    Regularization regularization() {
        return new Regularization(l1, l2, weightDecay);
    }

    String name() {
        return name;
    }
}
