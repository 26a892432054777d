package io.fluentdl.internal.dl4j;

import io.fluentdl.graph.Merge;
import io.fluentdl.layers.CustomLayer;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.layers.Shapes;
import java.util.Arrays;
import java.util.List;

/** Output shapes of graph nodes (per example, channels-last), for the rules, the summary and the translator. */
public final class GraphShapes {

    private GraphShapes() {
    }

    /** A layer's output for input shape {@code in}; a custom layer's is DL4J's. */
    public static long[] after(LayerSpec layer, long[] in) {
        return layer instanceof CustomLayer custom ? CustomLayers.outputShape(custom, in) : Shapes.after(layer, in);
    }

    /**
     * A merge's output, or null when the inputs do not fit: {@code ADD} needs one shape, {@code CONCATENATE}
     * vectors, or images of one height and width (it joins their channels).
     */
    public static long[] merged(Merge merge, List<long[]> in) {
        long[] first = in.get(0);
        if (merge == Merge.ADD) {
            return in.stream().allMatch(s -> Arrays.equals(s, first)) ? first : null;
        }
        if (in.stream().anyMatch(s -> s.length != first.length)) {
            return null;
        }
        if (!Shapes.isImage(first)) {
            return new long[] {in.stream().mapToLong(s -> s[0]).sum()};
        }
        boolean sameSize = in.stream().allMatch(s -> s[0] == first[0] && s[1] == first[1]);
        return sameSize ? new long[] {first[0], first[1], in.stream().mapToLong(s -> s[2]).sum()} : null;
    }
}
