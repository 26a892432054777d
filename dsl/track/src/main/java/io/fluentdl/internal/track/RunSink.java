package io.fluentdl.internal.track;

import java.util.Map;

/**
 * Where the DL4J side of tracking writes: a live run ({@code Tracker} implements it privately). Plain
 * JDK types only, so this package never imports {@code io.fluentdl.track} and the two form no circle.
 */
public interface RunSink {

    /** Free-form values of one step (iteration). */
    void logStep(long iteration, Map<String, Double> values);

    /** An epoch ends with these values from {@code Model.fit} (merged with what DL4J measured for it). */
    void logEpoch(Map<String, Double> values);

    /** DL4J finished an epoch after {@code iterations} iterations in all, having measured {@code values}. */
    void dl4jEpochEnded(long iterations, Map<String, Double> values);

    /** DL4J starts an epoch. */
    void dl4jEpochStarted();

    /** From now on {@code Model.fit} completes each epoch (DL4J's epoch values wait for it). */
    void fitCompletesEpochs();

    /** The 1-based epoch in progress. */
    int currentEpoch();

    /**
     * One histogram's raw values.
     *
     * @param kind  GRADIENTS, WEIGHTS or UPDATES
     * @param scale multiplies every value (1, or 1/batch for DL4J's summed gradients)
     */
    void logHistogram(long iteration, int epoch, String layer, String param, String kind, double[] values, double scale);
}
