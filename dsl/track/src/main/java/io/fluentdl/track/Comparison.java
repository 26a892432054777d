package io.fluentdl.track;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One metric across several runs, from {@link RunIndex#compare}: what a runs table and an overlaid
 * learning-curve chart show.
 *
 * @param metric  the metric name, e.g. {@code val_accuracy}
 * @param entries one per run, in the order asked for
 */
public record Comparison(String metric, List<Entry> entries) {

    public Comparison {
        entries = List.copyOf(entries);
    }

    /**
     * One run's side of the comparison.
     *
     * @param run        the run (reconciled status)
     * @param finalValue the metric in the run's summary, else the last value of its curve, else NaN
     * @param curve      the metric per epoch (empty if the run never logged it)
     */
    public record Entry(Run run, double finalValue, MetricSeries curve) {
    }

    /** The entry with the highest (or lowest) final value, ignoring NaN. */
    public Optional<Entry> best(boolean higherIsBetter) {
        Comparator<Entry> byValue = Comparator.comparingDouble(Entry::finalValue);
        return entries.stream().filter(e -> !Double.isNaN(e.finalValue()))
                .max(higherIsBetter ? byValue : byValue.reversed());
    }
}
