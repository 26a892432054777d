package io.fluentdl;

/**
 * Which layer implementations train a {@link Model}: FluentDL's own (the default) or DL4J's.
 *
 * <p>Both build the same DL4J {@code MultiLayerNetwork} (same parameters, same initial weights from the
 * spec's seed, same updater); the model saves, loads and runs like any other. Only the code that runs the
 * dense, output and batch-norm layers differs, and tests pin that both give the same outputs, gradients
 * and training within float tolerance.
 *
 * <pre>{@code
 * Model model = Model.of(spec);                 // Engine.FAST
 * model.engine(Engine.STOCK);                   // DL4J's own layers, e.g. to compare speed
 * }</pre>
 *
 * <p>Maps to DL4J: FAST swaps {@code DenseLayer}, {@code OutputLayer} and {@code BatchNormalization}
 * for subclasses in {@code io.fluentdl.internal.dl4j.fast} (DL4J custom layers); STOCK keeps DL4J's.
 */
public enum Engine {
    /**
     * FluentDL's layers: keep the forward pass's result for backprop instead of recomputing the layer's
     * matrix product (three GEMMs per layer and step where DL4J M2.1 does four), write GEMM results
     * straight into the arrays DL4J keeps (no temporary and copy), skip the gradient with respect to the
     * network's input (nothing uses it in training; {@code MultiLayerNetwork.calculateGradients} then
     * returns null for it: use STOCK there), and run batch norm as libnd4j's fused ops.
     */
    FAST,
    /** DL4J M2.1's own layer implementations, unchanged. */
    STOCK;

    /** The engine {@link Model#of} uses unless {@value #PROPERTY} says otherwise. */
    public static final Engine DEFAULT = FAST;

    /** System property ({@code fast} or {@code stock}) that sets the engine of {@link Model#of} for the whole process: the CLI's {@code --engine}. */
    public static final String PROPERTY = "fluentdl.engine";

    /** The engine {@link Model#of} uses: the {@value #PROPERTY} system property when set, else {@link #DEFAULT}. */
    public static Engine configured() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? DEFAULT : parse(value);
    }

    /** {@code fast} or {@code stock}, any case. */
    public static Engine parse(String name) {
        for (Engine e : values()) {
            if (e.name().equalsIgnoreCase(name.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException(String.format("Engine: must be fast or stock, got '%s'.", name));
    }
}
