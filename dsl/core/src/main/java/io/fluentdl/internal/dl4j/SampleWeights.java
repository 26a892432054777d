package io.fluentdl.internal.dl4j;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.train.OutputKind;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Keras' {@code sample_weight} and {@code class_weight} on DL4J. A sample weight travels as the batch's
 * labels mask ({@link BatchIterator}); DL4J's losses multiply each example's loss and gradient by it and
 * divide the sum by the batch size. But DL4J's own {@code OutputLayer} also multiplies the layer's
 * pre-activations by the mask (meant for 0/1 time-step masks), which for any other weight changes the
 * prediction itself; the FAST engine's output layer does not ({@code FastOutput}), so weights other
 * than 0 and 1 need it ({@link #checkEngine}).
 *
 * <p>{@code class_weight}: a weight per class, turned into a weight per example (the weight of the
 * example's class) and multiplied with any sample weights it has, as Keras does. The class of an example
 * is the argmax of a one-hot row (softmax), the number in a sparse label, or 0/1 for a one-column
 * sigmoid output (label &ge; 0.5 is class 1). Classes left out of the map weigh 1.
 */
public final class SampleWeights {

    private SampleWeights() {
    }

    /**
     * Checks {@code weights} against a model whose output is {@code kind} with {@code units} units and
     * returns an immutable copy.
     *
     * @throws InvalidConfigException (one line) for a null map, an output without classes, a class
     *                                outside {@code 0..classes-1}, or a weight that is negative or not finite
     */
    public static Map<Integer, Double> check(String where, Map<Integer, Double> weights, OutputKind kind, int units) {
        if (weights == null) {
            throw InvalidConfigException.of(where, "classWeight", null, "classWeight must not be null", "Pass Map.of() for none.");
        }
        int classes = classes(where, kind, units);
        Map<Integer, Double> copy = new TreeMap<>();
        for (Map.Entry<Integer, Double> e : weights.entrySet()) {
            Integer c = e.getKey();
            if (c == null || c < 0 || c >= classes) {
                throw InvalidConfigException.of(where, "classWeight", c, String.format(
                        "unknown class %s: this %s output has classes 0..%d", c, kind, classes - 1), "");
            }
            Double w = e.getValue();
            if (w == null || !(w >= 0) || w.isInfinite()) {
                throw InvalidConfigException.of(String.format("%s, class %d", where, c), "weight", w, String.format(
                        "a class weight must be a finite number >= 0, got weight=%s", w), "");
            }
            copy.put(c, w);
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** {@code data} with each example's weight multiplied by its class's weight (checked by {@link #check}). */
    public static DataArrays apply(DataArrays data, Map<Integer, Double> weights, OutputKind kind) {
        if (weights.isEmpty()) {
            return data;
        }
        int n = data.rows();
        int columns = data.labelColumns();
        float[] labels = data.labels().dup('c').data().asFloat();
        double[] perExample = data.weightsOrOnes();
        for (int i = 0; i < n; i++) {
            int c = switch (kind) {
                case SPARSE_CLASSIFICATION -> Math.round(labels[i]);
                case BINARY -> labels[i] >= 0.5f ? 1 : 0;
                default -> argmax(labels, i * columns, columns);
            };
            perExample[i] *= weights.getOrDefault(c, 1.0);
        }
        return data.withWeights(perExample);
    }

    /** Fails with one line when {@code data} has weights other than 0 and 1 and {@code network} runs DL4J's own output layer. */
    public static void checkEngine(String where, MultiLayerNetwork network, DataArrays data) {
        if (data.weights() == null || network.getOutputLayer() instanceof io.fluentdl.internal.dl4j.fast.FastOutput) {
            return;
        }
        for (double w : data.weightsOrOnes()) {
            if (w != 0 && w != 1) {
                throw InvalidConfigException.of(where, "engine", "STOCK", String.format(
                        "sample or class weights other than 0 and 1 need the FAST engine (DL4J's OutputLayer also scales the outputs by them), got weight=%s", w),
                        "Use model.engine(Engine.FAST), the default.");
            }
        }
    }

    private static int classes(String where, OutputKind kind, int units) {
        return switch (kind) {
            case CLASSIFICATION, SPARSE_CLASSIFICATION -> units;
            case BINARY -> 2;
            case MULTI_LABEL, REGRESSION -> throw InvalidConfigException.of(where, "classWeight", kind, String.format(
                    "classWeight needs an output with classes (softmax, or one sigmoid unit), got a %s output", kind),
                    "Weigh examples with Dataset.withSampleWeights(...) instead.");
        };
    }

    private static int argmax(float[] values, int from, int length) {
        int best = 0;
        for (int j = 1; j < length; j++) {
            if (values[from + j] > values[from + best]) {
                best = j;
            }
        }
        return best;
    }
}
