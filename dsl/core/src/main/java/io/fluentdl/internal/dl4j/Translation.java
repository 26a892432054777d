package io.fluentdl.internal.dl4j;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/** A translated spec: the DL4J configuration and the summary rows that produced its layers. */
public record Translation(MultiLayerConfiguration configuration, List<Block> blocks) {

    public Translation {
        blocks = List.copyOf(blocks);
    }
}
