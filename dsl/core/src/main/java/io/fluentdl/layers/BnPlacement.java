package io.fluentdl.layers;

/**
 * Where batch normalization goes, for the whole model: the one switch of the BN experiments.
 *
 * <ul>
 *   <li>{@link #AS_WRITTEN} (default): {@code batchNorm()} layers stay exactly where they were written
 *       (after a dense layer, that is after its activation, as in Keras).</li>
 *   <li>{@link #NONE}: no batch norm on hidden layers, even where {@code batchNorm()} was written (the
 *       baseline of the same model). Input batch norm is a separate option and stays.</li>
 *   <li>{@link #BEFORE_ACTIVATION}: every hidden dense layer gets BN between its linear part and its
 *       activation (Ioffe &amp; Szegedy 2015); its now-redundant bias is dropped unless kept with
 *       {@code d -> d.useBias(true)}.</li>
 *   <li>{@link #AFTER_ACTIVATION}: every hidden dense layer gets BN after its activation.</li>
 * </ul>
 * With BEFORE/AFTER, a {@code batchNorm(...)} written directly after a dense layer gives that layer's
 * BN its options (momentum, epsilon, center, scale); written anywhere else it is an error.
 */
public enum BnPlacement {
    AS_WRITTEN,
    NONE,
    BEFORE_ACTIVATION,
    AFTER_ACTIVATION;

    /** Whether the switch puts BN on every hidden dense layer. */
    public boolean onEveryDense() {
        return this == BEFORE_ACTIVATION || this == AFTER_ACTIVATION;
    }
}
