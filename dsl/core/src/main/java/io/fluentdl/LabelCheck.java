package io.fluentdl;

import io.fluentdl.data.Dataset;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.layers.Output;
import io.fluentdl.train.OutputKind;

/**
 * Checks that a data set's labels fit the model's output before DL4J sees them, so a mismatch reads
 * as one line instead of DL4J's shape error from inside the loss function.
 */
final class LabelCheck {

    private LabelCheck() {
    }

    static void check(ModelSpec spec, Dataset data, String what) {
        Output out = spec.output();
        OutputKind kind = spec.outputKind();
        int needed = kind.labelColumns(out.units());
        String where = String.format("Model '%s' %s data", spec.name(), what);
        String output = String.format("output '%s' (%d units, %s, %s)", out.name(), out.units(),
                out.activation().kerasName(), out.loss().kerasName());
        if (data.numLabelColumns() != needed) {
            String fix = switch (kind) {
                case SPARSE_CLASSIFICATION -> String.format("Give one column of class numbers 0..%d, or one-hot labels with CATEGORICAL_CROSSENTROPY",
                        out.units() - 1);
                case CLASSIFICATION -> data.numLabelColumns() == 1
                        ? "Give one-hot labels, or use SPARSE_CATEGORICAL_CROSSENTROPY for a column of class numbers"
                        : String.format("Give one-hot labels of %d columns, or output(%d, ...)", needed, data.numLabelColumns());
                default -> String.format("Give %d label columns, or output(%d, ...)", needed, data.numLabelColumns());
            };
            throw InvalidConfigException.of(where, "labels", data.numLabelColumns(),
                    String.format("the labels have %d columns but %s needs %d", data.numLabelColumns(), output, needed), fix);
        }
        if (kind == OutputKind.SPARSE_CLASSIFICATION) {
            float[] labels = data.labels().dup('c').data().asFloat();
            for (int i = 0; i < labels.length; i++) {
                float y = labels[i];
                if (!(y >= 0 && y < out.units() && y == Math.rint(y))) {
                    throw InvalidConfigException.of(where, "labels", y,
                            String.format("%s needs class numbers 0..%d, got label=%s in row %d", output, out.units() - 1, y, i),
                            "");
                }
            }
        }
    }
}
