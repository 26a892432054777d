package io.fluentdl.optim;

/**
 * Gradient clipping before the optimizer's update, Keras' optimizer arguments {@code clipnorm} and
 * {@code clipvalue}; set on the model with {@code clipNorm(x)} or {@code clipValue(x)}, whatever its optimizer.
 *
 * <ul>
 *   <li>{@link Kind#NORM}: each weight tensor's gradient (a layer's W, its b, ...) is rescaled to L2 norm
 *       at most {@code threshold}, as Keras' {@code clipnorm} does per variable.</li>
 *   <li>{@link Kind#VALUE}: each gradient element is clipped to {@code [−threshold, threshold]}, Keras' {@code clipvalue}.</li>
 * </ul>
 *
 * <p>Maps to DL4J: {@code GradientNormalization.ClipL2PerParamType} (norm per parameter type of each
 * layer, i.e. per variable) or {@code ClipElementWiseAbsoluteValue}, with
 * {@code gradientNormalizationThreshold = threshold}, on every layer.
 *
 * @param kind      norm or value
 * @param threshold the largest norm or absolute value, &gt; 0
 */
public record GradientClipping(Kind kind, double threshold) {

    /** What is clipped. */
    public enum Kind {
        NORM,
        VALUE
    }

    public GradientClipping {
        io.fluentdl.errors.Check.notNull("GradientClipping", "kind", kind);
        io.fluentdl.errors.Check.positive("GradientClipping", kind == Kind.NORM ? "clipNorm" : "clipValue", threshold);
    }

    /**
     * The clipping after {@code clipNorm}/{@code clipValue(threshold)} on a builder that had {@code current}
     * (null: none): the same kind is replaced, the other kind refused (DL4J clips one way).
     */
    public static GradientClipping replacing(String where, GradientClipping current, Kind kind, double threshold) {
        String parameter = kind == Kind.NORM ? "clipNorm" : "clipValue";
        io.fluentdl.errors.Check.positive(where, parameter, threshold);
        if (current != null && current.kind() != kind) {
            throw io.fluentdl.errors.InvalidConfigException.of(where, parameter, threshold,
                    String.format("DL4J clips by norm or by value, not both, got %s and %s=%s", current, parameter, threshold),
                    "Keep one of clipNorm(...) and clipValue(...)");
        }
        return new GradientClipping(kind, threshold);
    }

    @Override
    public String toString() {
        return String.format("%s=%s", kind == Kind.NORM ? "clipnorm" : "clipvalue", threshold);
    }
}
