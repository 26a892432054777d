package io.fluentdl.internal.dl4j;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * One row of the summary: a layer as the user sees it (name, Keras type, output size) and the DL4J
 * layers it became, in order.
 */
public record Block(String name, String kind, long outputSize, List<Layer> dl4jLayers) {

    public Block {
        dl4jLayers = List.copyOf(dl4jLayers);
    }
}
