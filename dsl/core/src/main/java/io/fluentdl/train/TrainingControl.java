package io.fluentdl.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What a listener may change while training runs: stop early, or read/set the learning rate
 * (for callbacks such as ReduceLROnPlateau), and reach the network (to keep or restore weights).
 */
public interface TrainingControl {

    /** Ends training after the current epoch. */
    void stop();

    /** Whether {@link #stop()} was called. */
    boolean stopRequested();

    /** The network being trained. */
    MultiLayerNetwork network();

    /**
     * Saves the model being trained as {@code Model.save} does (weights, updater state, spec), for
     * {@code ModelCheckpoint}. Controls that are not a model's say so.
     */
    default void save(java.nio.file.Path file) {
        throw new UnsupportedOperationException(String.format(
                "%s cannot save a model: only Model.fit's control can (got a save to %s)", getClass().getSimpleName(), file));
    }

    /**
     * The learning rate the optimizer uses at the network's current iteration and epoch (a schedule's
     * value there), or NaN when no layer has a learning rate (AdaDelta).
     *
     * <p>Maps to DL4J: {@code MultiLayerNetwork.getLearningRate(layer)}, first layer that has one.
     */
    default double learningRate() {
        MultiLayerNetwork net = network();
        for (int i = 0; i < net.getnLayers(); i++) {
            Double lr = net.getLearningRate(i);
            if (lr != null && !lr.isNaN()) {
                return lr;
            }
        }
        return Double.NaN;
    }

    /**
     * Sets a fixed learning rate for every layer from the next iteration on, Keras'
     * {@code optimizer.learning_rate = value}.
     *
     * <p>A schedule is <b>replaced</b>: from then on the rate stays at {@code value} (DL4J drops the
     * {@code ISchedule}; it is not scaled). Updater state (momentum, Adam moments) is kept. Keras refuses
     * to set the rate of an optimizer built with a schedule; we allow it and say so here.
     *
     * <p>Maps to DL4J: {@code MultiLayerNetwork.setLearningRate(double)}, which sets each layer's
     * {@code IUpdater} to {@code (value, no schedule)} and rebuilds the updater around its old state.
     *
     * @param value the new rate, {@code > 0}
     */
    default void setLearningRate(double value) {
        io.fluentdl.errors.Check.positive("TrainingControl", "learningRate", value);
        network().setLearningRate(value);
    }
}
