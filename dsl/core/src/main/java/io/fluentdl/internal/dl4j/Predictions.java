package io.fluentdl.internal.dl4j;

import io.fluentdl.train.OutputKind;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Classes from a model's outputs, Keras' old {@code predict_classes}. */
public final class Predictions {

    private Predictions() {
    }

    /** Refuses multi-label and regression outputs: they have no single class per row. */
    public static void requireClasses(String model, OutputKind kind) {
        if (kind == OutputKind.MULTI_LABEL || kind == OutputKind.REGRESSION) {
            throw new IllegalStateException(String.format(
                    "Model '%s' predictClasses: a %s output has no single class per row. Use predict(features) and a threshold",
                    model, kind));
        }
    }

    /** The argmax of each softmax row, or 1 where a sigmoid output is at least 0.5. */
    public static int[] classes(INDArray out, OutputKind kind) {
        int[] classes = new int[(int) out.rows()];
        if (kind == OutputKind.BINARY) {
            float[] p = out.dup('c').data().asFloat();
            for (int i = 0; i < classes.length; i++) {
                classes[i] = p[i] >= 0.5f ? 1 : 0;
            }
        } else {
            long[] argmax = out.argMax(1).toLongVector();
            for (int i = 0; i < classes.length; i++) {
                classes[i] = (int) argmax[i];
            }
        }
        return classes;
    }
}
