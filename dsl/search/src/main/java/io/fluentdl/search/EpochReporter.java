package io.fluentdl.search;

import java.util.Map;

/**
 * Receives a trial's metrics after each epoch: stores them, checks them, and lets a pruner stop
 * the trial.
 *
 * <p>{@code epoch} counts finished epochs (1 after the first). The metric the search monitors
 * ({@link Search#monitor(String)}, default {@value Search#SCORE}) must be present; if it is NaN or
 * infinite the trial fails with that reason, and if the {@link Pruner} says stop, {@code report}
 * throws {@link TrialPruned}. It also throws when the trial's time limit has passed.
 */
public interface EpochReporter {

    /** Reports the metrics of {@code epoch}, e.g. {@code Map.of("loss", 0.31, "accuracy", 0.88)}. */
    void report(int epoch, Map<String, Double> metrics);

    /** Reports one value as the monitored metric {@value Search#SCORE}. */
    default void report(int epoch, double score) {
        report(epoch, Map.of(Search.SCORE, score));
    }
}
