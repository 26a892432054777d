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
}
