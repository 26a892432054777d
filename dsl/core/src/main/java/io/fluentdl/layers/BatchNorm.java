package io.fluentdl.layers;

import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;

/**
 * Batch normalization with Keras semantics (Ioffe &amp; Szegedy 2015): in training, normalise each unit
 * by the mini-batch mean and variance, then scale by γ and shift by β; at inference, use running
 * averages updated as {@code avg ← momentum·avg + (1 − momentum)·batch}.
 *
 * <p>Maps to DL4J: {@code BatchNormalization} with {@code decay = momentum}, {@code eps = epsilon},
 * {@code lockGammaBeta = !center} (γ fixed at 1 and β at 0, and not parameters) and {@code useLogStd=false}
 * (the running variance is stored as variance, readable in the saved model). DL4J's defaults differ
 * from Keras' (decay 0.9, eps 1e-5); we always set both.
 *
 * @param name     layer name, {@code batch_norm_1} by default
 * @param momentum running-average momentum in [0, 1), default {@value #DEFAULT_MOMENTUM}; 0 keeps only
 *                 the last batch's statistics
 * @param epsilon  added to the variance, &gt; 0, default {@value #DEFAULT_EPSILON}
 * @param center   learn the shift β (default true)
 * @param scale    learn the scale γ (default true); DL4J can only drop γ and β together
 */
public record BatchNorm(String name, double momentum, double epsilon, boolean center, boolean scale)
        implements LayerSpec {

    /** Keras' default {@code momentum} (DL4J's {@code decay} defaults to 0.9). */
    public static final double DEFAULT_MOMENTUM = 0.99;
    /** Keras' default {@code epsilon} (DL4J's {@code eps} defaults to 1e-5). */
    public static final double DEFAULT_EPSILON = 1e-3;

    public static BatchNorm defaults(String name) {
        return new BatchNorm(name, DEFAULT_MOMENTUM, DEFAULT_EPSILON, true, true);
    }

    @Override
    public String kind() {
        return "BatchNorm";
    }

    /** Options for {@code batchNorm(b -> b.momentum(0.9).epsilon(1e-5))}. */
    public static final class Options {
        private final String where;
        private double momentum = DEFAULT_MOMENTUM;
        private double epsilon = DEFAULT_EPSILON;
        private boolean center = true;
        private boolean scale = true;
        private String name;
        private boolean trainable = true;

        public Options(String where) {
            this.where = where;
        }

        /** Running-average momentum in [0, 1); Keras default {@value BatchNorm#DEFAULT_MOMENTUM}. */
        public Options momentum(double momentum) {
            Check.inHalfOpen(where, "momentum", momentum, 0, 1, "");
            this.momentum = momentum;
            return this;
        }

        /** Variance epsilon &gt; 0; Keras default {@value BatchNorm#DEFAULT_EPSILON}. */
        public Options epsilon(double epsilon) {
            this.epsilon = Check.positive(where, "epsilon", epsilon);
            return this;
        }

        /** Learn β (true) or fix it at 0 (false). */
        public Options center(boolean center) {
            this.center = center;
            return this;
        }

        /** Learn γ (true) or fix it at 1 (false). */
        public Options scale(boolean scale) {
            this.scale = scale;
            return this;
        }

        public Options name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Keras' {@code trainable}: {@code false} freezes the layer: it normalises with its running statistics
         * (inference mode) and training changes neither them nor γ and β. Default {@code true}.
         */
        public Options trainable(boolean trainable) {
            this.trainable = trainable;
            return this;
        }

        /** Whether {@link #trainable(boolean)} left the layer trainable. */
        public boolean isTrainable() {
            return trainable;
        }

        public BatchNorm build(String autoName) {
            if (center != scale) {
                throw InvalidConfigException.of(where, "center", center,
                        String.format("DL4J can only learn or fix gamma and beta together, got center=%s, scale=%s",
                                center, scale),
                        "Use center(false).scale(false) to drop both, or keep both");
            }
            return new BatchNorm(name != null ? name : autoName, momentum, epsilon, center, scale);
        }
    }
}
