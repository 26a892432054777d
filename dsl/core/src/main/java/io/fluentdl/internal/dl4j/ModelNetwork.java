package io.fluentdl.internal.dl4j;

import io.fluentdl.callbacks.Callback;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import io.fluentdl.train.OutputKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The network behind a {@code Model}: a sequential spec's ({@link SequentialNetwork}) or a functional one's
 * ({@link GraphNetwork}). What {@code Model} asks of either, so it holds one and does not branch on which.
 */
public interface ModelNetwork {

    /**
     * How {@code Model.fit} was set up.
     *
     * @param classWeight class to weight ({@link SampleWeights}), multiplied into the training data's sample weights
     * @param running     Keras' running train metrics instead of a pass over the training data after each epoch
     * @param progress    whether to print a line per epoch
     * @param finite      whether features must be finite
     */
    record FitSettings(Map<Integer, Double> classWeight, boolean running, boolean progress, boolean finite) {

        /** Keras' defaults: no class weights, a full pass for train metrics, progress in a terminal, finite features. */
        public static FitSettings defaults(boolean progress) {
            return new FitSettings(Map.of(), false, progress, true);
        }

        public FitSettings withClassWeight(Map<Integer, Double> weights) {
            return new FitSettings(weights, running, progress, finite);
        }

        public FitSettings withRunning(boolean on) {
            return new FitSettings(classWeight, on, progress, finite);
        }

        public FitSettings withProgress(boolean on) {
            return new FitSettings(classWeight, running, on, finite);
        }

        public FitSettings withFinite(boolean on) {
            return new FitSettings(classWeight, running, progress, on);
        }
    }

    /** The model's name, for messages. */
    String name();

    /** Trains as {@code Model.fit} documents; {@code validation} may be null; {@code saver} saves the whole model. */
    History fit(DataArrays train, int epochs, int batchSize, DataArrays validation, FitSettings settings, Consumer<Path> saver,
                List<Callback> callbacks);

    /** Loss and metrics on {@code data} (the one output's), in inference mode. */
    Evaluation evaluate(DataArrays data, boolean finite);

    /** The (one) output for {@code features}, in inference mode. */
    INDArray predict(INDArray features, boolean finite);

    /** What the (one) output means. */
    OutputKind outputKind();

    /** The learning rate the optimizer will use at the next iteration. */
    double learningRate();

    /** Saves weights, optimizer state, BN statistics and the spec to a DL4J model zip (see {@link ModelZip}). */
    void save(Path file);
}
