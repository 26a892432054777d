package io.fluentdl.internal.dl4j;

import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * A {@code Callback} that also needs DL4J's per-iteration view (the tracker's gradient and weight
 * histograms): {@code Model.fit} attaches {@link #dl4jListener()} to the network for the fit's duration.
 */
public interface NetworkListener {

    /** The listener to attach while the fit runs; the same instance every call. */
    TrainingListener dl4jListener();

    /** The listener {@code callback} brings, or a one-line error for a callback without a DL4J side. */
    static org.deeplearning4j.optimize.api.TrainingListener of(io.fluentdl.callbacks.Callback callback) {
        if (callback instanceof NetworkListener withListener) {
            return withListener.dl4jListener();
        }
        throw io.fluentdl.errors.InvalidConfigException.of("Model.listener", "callback", callback, String.format(
                "only a callback with a DL4J side (a tracker's) has a listener, got callback=%s", callback),
                "Pass the callback to Model.fit instead.");
    }
}
