package io.fluentdl.internal.dl4j;

import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * A {@code Callback} that also needs DL4J's per-iteration view (the tracker's gradient and weight
 * histograms): {@code Model.fit} attaches {@link #dl4jListener()} to the network for the fit's duration.
 */
public interface NetworkListener {

    /** The listener to attach while the fit runs; the same instance every call. */
    TrainingListener dl4jListener();
}
