package io.fluentdl.report;

import io.fluentdl.layers.Shapes;
import java.util.List;

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

    private final String heading;
    private final List<Row> rows;
    private final List<String> connectedTo; // a functional model's "Connected to" column, or null

    private Summary(String heading, List<Row> rows, List<String> connectedTo) {
        this.heading = heading;
        this.rows = List.copyOf(rows);
        this.connectedTo = connectedTo == null ? null : List.copyOf(connectedTo);
    }

    /**
     * A table of {@code rows} under {@code heading}: the lines, each ending in a line separator, that
     * {@code ModelSpec.summary()} writes above the table (name, BN placement, seed, optimizer).
     */
    public static Summary of(String heading, List<Row> rows) {
        return new Summary(heading, rows, null);
    }

    /**
     * A functional model's table: Keras' "Connected to" column after the parameters, one entry per row
     * (the names it reads, comma-separated; empty for inputs).
     */
    public static Summary of(String heading, List<Row> rows, List<String> connectedTo) {
        if (connectedTo.size() != rows.size()) {
            throw new IllegalArgumentException(String.format("Summary: one 'Connected to' entry per row, got %d for %d rows",
                    connectedTo.size(), rows.size()));
        }
        return new Summary(heading, rows, connectedTo);
    }

    /** The names each row reads (a functional model's), or empty for a sequential one. */
    public List<String> connectedTo() {
        return connectedTo == null ? List.of() : connectedTo;
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
        int linkWidth = connectedTo == null ? 0 : Math.max(16, connectedTo.stream().mapToInt(String::length).max().orElse(0));
        String rowFormat = connectedTo == null ? "%-" + nameWidth + "s %-" + shapeWidth + "s %10s   %s%n"
                : "%-" + nameWidth + "s %-" + shapeWidth + "s %10s   %-" + linkWidth + "s   %s%n";
        StringBuilder out = new StringBuilder();
        out.append(heading);
        String rule = "_".repeat(100);
        out.append(rule).append('\n');
        out.append(connectedTo == null ? String.format(rowFormat, "Layer (type)", "Output Shape", "Param #", "DL4J layers")
                : String.format(rowFormat, "Layer (type)", "Output Shape", "Param #", "Connected to", "DL4J layers"));
        out.append("=".repeat(100)).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String nameAndKind = String.format("%s (%s)", row.name(), row.kind());
            String params = String.format("%,d", row.params().total());
            out.append(connectedTo == null ? String.format(rowFormat, nameAndKind, shape(row), params, row.dl4jLayers())
                    : String.format(rowFormat, nameAndKind, shape(row), params, connectedTo.get(i), row.dl4jLayers()));
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
