package io.fluentdl;

import io.fluentdl.layers.LayerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers a {@link Sequential} has so far, with Keras' auto names ({@code dense_1}, {@code dense_2},
 * counted per kind) and the position a new layer takes, for messages that say where.
 */
final class LayerStack {

    private final List<LayerSpec> layers = new ArrayList<>();

    void add(LayerSpec layer) {
        layers.add(layer);
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
