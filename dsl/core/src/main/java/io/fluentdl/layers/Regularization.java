package io.fluentdl.layers;

/**
 * Penalties on a layer's weights (not its bias), with Keras meanings.
 *
 * <p>Maps to DL4J: {@code l1} → {@code l1} (same: λ·Σ|w|); {@code l2} → DL4J {@code l2(2λ)}, because
 * Keras' {@code regularizers.l2(λ)} adds λ·Σw² to the loss while DL4J's L2 adds ½·λ·Σw²; {@code weightDecay}
 * → DL4J {@code WeightDecay(λ, applyLR=true)}: decoupled decay (w ← w − lr·λ·w after the updater,
 * as in AdamW / Loshchilov & Hutter 2019), which equals L2 only for plain SGD.
 *
 * @param l1          L1 penalty λ ≥ 0 (default 0)
 * @param l2          Keras L2 penalty λ ≥ 0 (default 0)
 * @param weightDecay decoupled weight decay ≥ 0 (default 0)
 */
public record Regularization(double l1, double l2, double weightDecay) {

    public static final Regularization NONE = new Regularization(0, 0, 0);

    public boolean isNone() {
        return l1 == 0 && l2 == 0 && weightDecay == 0;
    }
}
