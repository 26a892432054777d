/**
 * The DL4J side of tracking: the {@code TrainingListener} that records steps, histograms and DL4J's
 * epoch figures, the callback {@code Tracker.callback()} returns, and the ND4J facts of a run's
 * provenance. Writes through {@link io.fluentdl.internal.track.RunSink}, never {@code io.fluentdl.track}
 * itself. Not API: it may change in any release.
 */
package io.fluentdl.internal.track;
