package io.fluentdl.internal.dl4j;

import io.fluentdl.report.ParamCount;
import io.fluentdl.report.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;

/** The rows of a {@link Summary}: one per layer as written, with the DL4J layers it became and their parameters. */
public final class SummaryRows {

    private SummaryRows() {
    }

    public static List<Summary.Row> of(Translation translation) {
        List<Summary.Row> rows = new ArrayList<>();
        for (Block block : translation.blocks()) {
            ParamCount count = ParamCount.ZERO;
            for (Layer layer : block.dl4jLayers()) {
                count = count.plus(count(layer));
            }
            String dl4j = block.dl4jLayers().isEmpty() ? Describe.FLATTEN
                    : block.dl4jLayers().stream().map(Describe::of).collect(Collectors.joining(" → "));
            rows.add(new Summary.Row(block.name(), block.kind(), block.outputShape(), count, dl4j));
        }
        return rows;
    }

    /** Counts one configured DL4J layer; BN's mean and variance (2 per unit) are non-trainable, as in Keras. */
    static ParamCount count(Layer layer) {
        long n = layer.initializer().numParams(layer);
        if (layer instanceof FrozenInference) {
            return new ParamCount(n, 0, n); // Keras: a frozen layer's weights are all non-trainable
        }
        if (layer instanceof BatchNormalization bn) {
            long stats = 2 * bn.getNOut();
            return new ParamCount(n, n - stats, stats);
        }
        return new ParamCount(n, n, 0);
    }
}
