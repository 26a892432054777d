package io.fluentdl.train;

import java.nio.file.Path;

/**
 * What a callback may change while {@code Model.fit} runs: stop early, read or set the learning rate
 * (ReduceLROnPlateau, the LR range test), save the model (ModelCheckpoint), or keep and restore the
 * weights (EarlyStopping). {@code Model.fit} hands the same control to every call of one fit.
 */
public interface TrainingControl {

    /** Ends training: after the current batch when called from a batch hook, else after the current epoch. */
    void stop();

    /** Whether {@link #stop()} was called. */
    boolean stopRequested();

    /**
     * The learning rate the optimizer uses at the next iteration (a schedule's value there), or NaN when
     * no layer has a learning rate (AdaDelta).
     */
    double learningRate();

    /**
     * Sets a fixed learning rate for every layer from the next iteration on, Keras'
     * {@code optimizer.learning_rate = value}.
     *
     * <p>A schedule is <b>replaced</b>: from then on the rate stays at {@code value} (it is not scaled).
     * Updater state (momentum, Adam moments) is kept. Keras refuses to set the rate of an optimizer built
     * with a schedule; we allow it and say so here.
     *
     * <p>Maps to DL4J: {@code MultiLayerNetwork.setLearningRate(double)}, which sets each layer's
     * {@code IUpdater} to {@code (value, no schedule)} and rebuilds the updater around its old state.
     *
     * @param value the new rate, {@code > 0}
     */
    void setLearningRate(double value);

    /**
     * Saves the model being trained as {@code Model.save} does (weights, updater state, spec), for
     * {@code ModelCheckpoint}. Controls that are not a model's say so.
     */
    default void save(Path file) {
        throw new UnsupportedOperationException(String.format(
                "%s cannot save a model: only Model.fit's control can (got a save to %s)", getClass().getSimpleName(), file));
    }

    /**
     * A copy of the weights, BN running statistics and updater state (momentum, Adam moments) as they
     * are now, for {@link #restore}. Controls that are not a model's say so.
     */
    default Snapshot snapshot() {
        throw new UnsupportedOperationException(String.format(
                "%s cannot snapshot weights: only Model.fit's control can", getClass().getSimpleName()));
    }

    /**
     * Puts back the weights, BN statistics and updater state of {@code snapshot}. The iteration and epoch
     * counters are not rewound, so a schedule continues from where training is (as Keras does).
     */
    default void restore(Snapshot snapshot) {
        throw new UnsupportedOperationException(String.format(
                "%s cannot restore weights: only Model.fit's control can", getClass().getSimpleName()));
    }

    /** Weights taken by {@link #snapshot()}: opaque, restorable only into the model they came from. */
    interface Snapshot {
    }
}
