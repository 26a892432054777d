package io.fluentdl.internal.dl4j;

import io.fluentdl.layers.BatchNorm;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.layers.ImageShape;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.optim.GradientClipping;
import io.fluentdl.optim.Optimizer;
import java.util.List;
import java.util.Set;

/**
 * What the translator reads of a {@code ModelSpec}: the spec hands these values over
 * ({@code ModelSpec.stack()}), so the translator never imports the spec's package and the spec never
 * depends on its translator.
 */
public record StackSpec(String name, long seed, Optimizer optimizer, GradientClipping gradientClipping,
                        ImageShape inputShape, int inputSize, BatchNorm inputBatchNorm, BnPlacement batchNormPlacement,
                        List<LayerSpec> layers, Set<String> frozen) {

    public StackSpec {
        layers = List.copyOf(layers);
        frozen = frozen == null ? Set.of() : Set.copyOf(frozen);
    }

    /** A stack with every layer trainable. */
    public StackSpec(String name, long seed, Optimizer optimizer, GradientClipping gradientClipping, ImageShape inputShape,
                     int inputSize, BatchNorm inputBatchNorm, BnPlacement batchNormPlacement, List<LayerSpec> layers) {
        this(name, seed, optimizer, gradientClipping, inputShape, inputSize, inputBatchNorm, batchNormPlacement, layers, Set.of());
    }
}
