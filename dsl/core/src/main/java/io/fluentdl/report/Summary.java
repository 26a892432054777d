package io.fluentdl.report;

import io.fluentdl.ModelSpec;
import io.fluentdl.internal.dl4j.Block;
import io.fluentdl.internal.dl4j.Describe;
import io.fluentdl.internal.dl4j.Translation;
import io.fluentdl.layers.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * Keras' {@code model.summary()} for a spec: one row per layer as written (name, type, output
 * shape, parameters) plus the DL4J layers it became, then total / trainable / non-trainable counts.
 * Works before training: shapes follow from {@code input(n)} or {@code input(h, w, c)}, and are
 * printed channels-last as Keras does, whatever DL4J's internal layout.
 */
public final class Summary {

    /** One row of the table. */
    public record Row(String name, String kind, List<Long> outputShape, ParamCount params, String dl4jLayers) {

        /** Numbers per example in the output (units for vectors, h·w·c for images). */
        public long outputSize() {
            return outputShape.stream().reduce(1L, (a, b) -> a * b);
        }
    }

    private final ModelSpec spec;
    private final List<Row> rows;

    private Summary(ModelSpec spec, List<Row> rows) {
        this.spec = spec;
        this.rows = List.copyOf(rows);
    }

    public static Summary of(ModelSpec spec, Translation translation) {
        List<Row> rows = new ArrayList<>();
        for (Block block : translation.blocks()) {
            ParamCount count = ParamCount.ZERO;
            for (Layer layer : block.dl4jLayers()) {
                count = count.plus(count(layer));
            }
            String dl4j = block.dl4jLayers().isEmpty() ? Describe.FLATTEN
                    : block.dl4jLayers().stream().map(Describe::of).collect(Collectors.joining(" → "));
            rows.add(new Row(block.name(), block.kind(), block.outputShape(), count, dl4j));
        }
        return new Summary(spec, rows);
    }

    /** Counts one configured DL4J layer; BN's mean and variance (2 per unit) are non-trainable. */
    static ParamCount count(Layer layer) {
        long n = layer.initializer().numParams(layer);
        if (layer instanceof BatchNormalization bn) {
            long stats = 2 * bn.getNOut();
            return new ParamCount(n, n - stats, stats);
        }
        return new ParamCount(n, n, 0);
    }

    public List<Row> rows() {
        return rows;
    }

    public ParamCount total() {
        return rows.stream().map(Row::params).reduce(ParamCount.ZERO, ParamCount::plus);
    }

    /** The table as text, Keras' layout with a DL4J column. */
    public String render() {
        // Keras' column widths, widened only when a name or an image shape needs it
        int nameWidth = Math.max(28, rows.stream().mapToInt(r -> r.name().length() + r.kind().length() + 3).max().orElse(0));
        int shapeWidth = Math.max(14, rows.stream().mapToInt(r -> shape(r).length()).max().orElse(0));
        String rowFormat = "%-" + nameWidth + "s %-" + shapeWidth + "s %10s   %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format("Model: \"%s\"   BN placement: %s   seed: %d%n", spec.name(), spec.batchNormPlacement(), spec.seed()));
        out.append(spec.gradientClipping() == null ? String.format("Optimizer: %s%n", spec.optimizer())
                : String.format("Optimizer: %s, %s%n", spec.optimizer(), spec.gradientClipping()));
        String rule = "_".repeat(100);
        out.append(rule).append('\n');
        out.append(String.format(rowFormat, "Layer (type)", "Output Shape", "Param #", "DL4J layers"));
        out.append("=".repeat(100)).append('\n');
        for (Row row : rows) {
            out.append(String.format(rowFormat, String.format("%s (%s)", row.name(), row.kind()),
                    shape(row), String.format("%,d", row.params().total()), row.dl4jLayers()));
        }
        out.append("=".repeat(100)).append('\n');
        ParamCount t = total();
        out.append(String.format("Total params: %,d%n", t.total()));
        out.append(String.format("Trainable params: %,d%n", t.trainable()));
        out.append(String.format("Non-trainable params: %,d%n", t.nonTrainable()));
        out.append(rule).append('\n');
        return out.toString();
    }

    private static String shape(Row row) {
        return Shapes.keras(row.outputShape().stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    public String toString() {
        return render();
    }
}
