package io.fluentdl.track;

import io.fluentdl.internal.track.RunSink;
import java.util.Map;

/** What the DL4J side of tracking ({@code internal.track}) may write: one live {@link Tracker}, behind JDK types. */
final class TrackerSink implements RunSink {

    private final Tracker tracker;
    private final int bins;

    TrackerSink(Tracker tracker, int bins) {
        this.tracker = tracker;
        this.bins = bins;
    }

    @Override
    public void logStep(long iteration, Map<String, Double> values) {
        tracker.logStep(iteration, values);
    }

    @Override
    public void logEpoch(Map<String, Double> values) {
        tracker.logEpoch(values);
    }

    @Override
    public void dl4jEpochEnded(long iterations, Map<String, Double> values) {
        tracker.dl4jEpochEnded(iterations, values);
    }

    @Override
    public void dl4jEpochStarted() {
        tracker.dl4jEpochStarted();
    }

    @Override
    public void fitCompletesEpochs() {
        tracker.fitCompletesEpochs();
    }

    @Override
    public int currentEpoch() {
        return tracker.currentEpoch();
    }

    @Override
    public void logHistogram(long iteration, int epoch, String layer, String param, String kind, double[] values,
                             double scale) {
        Histogram h = Histogram.of(values, bins);
        tracker.logHistogram(new HistogramRecord(iteration, epoch, layer, param, HistogramKind.valueOf(kind),
                scale == 1.0 ? h : h.scaled(scale)));
    }
}
