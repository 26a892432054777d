package io.fluentdl;

import io.fluentdl.layers.BatchNorm;
import io.fluentdl.layers.DenseOptions;
import io.fluentdl.layers.LayerSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The layers a {@link Sequential} has so far, with Keras' auto names ({@code dense_1}, {@code dense_2},
 * counted per kind) and the position a new layer takes, for messages that say where; and the names of
 * the frozen ones, from {@code freeze(...)} or a layer's own {@code trainable(false)} option.
 */
final class LayerStack {

    private final List<LayerSpec> layers = new ArrayList<>();
    private final Set<String> frozen = new LinkedHashSet<>();
    private boolean nextFrozen; // the options of the layer being added said trainable(false)

    void add(LayerSpec layer) {
        layers.add(layer);
        if (nextFrozen) {
            frozen.add(layer.name());
            nextFrozen = false;
        }
    }

    /** {@code options}, noting whether they make the layer they configure non-trainable. */
    UnaryOperator<DenseOptions> watch(UnaryOperator<DenseOptions> options) {
        return o -> {
            DenseOptions applied = options.apply(o);
            nextFrozen = !applied.isTrainable();
            return applied;
        };
    }

    /** Batch-norm options, as {@link #watch(UnaryOperator)}. */
    BatchNorm.Options watchBatchNorm(BatchNorm.Options applied) {
        nextFrozen = !applied.isTrainable();
        return applied;
    }

    void freeze(Collection<String> names) {
        frozen.addAll(names);
    }

    List<String> frozen() {
        return List.copyOf(frozen);
    }

    void addAll(List<LayerSpec> more) {
        layers.addAll(more);
    }

    List<LayerSpec> list() {
        return layers;
    }

    /** The auto name of the next layer of {@code type}: its prefix and 1 + the layers of that kind so far. */
    String nextName(Class<? extends LayerSpec> type) {
        return nextName(LayerSpec.autoPrefix(type));
    }

    String nextName(String prefix) {
        long sameKind = layers.stream().filter(l -> l.autoPrefix().equals(prefix)).count();
        return String.format("%s_%d", prefix, sameKind + 1);
    }

    /** "Model 'm', layer 3 'dense_2'": where the next layer, named {@code layerName}, sits in model {@code model}. */
    String where(String model, String layerName) {
        return String.format("Model '%s', layer %d '%s'", model, layers.size() + 1, layerName);
    }
}
