package io.fluentdl.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.IntPredicate;

/** The runner's {@link PruningHistory}: lossLike values by trial and epoch, safe for parallel trials. */
final class EpochHistory implements PruningHistory {

    private final Map<Integer, ConcurrentSkipListMap<Integer, Double>> byTrial = new ConcurrentHashMap<>();

    void record(int trial, int epoch, double lossLike) {
        byTrial.computeIfAbsent(trial, t -> new ConcurrentSkipListMap<>()).put(epoch, lossLike);
    }

    /** Forgets a trial that is about to run again (resume after a crash). */
    void forget(int trial) {
        byTrial.remove(trial);
    }

    @Override
    public List<Double> valuesAt(int epoch, IntPredicate trials) {
        List<Double> values = new ArrayList<>();
        byTrial.forEach((trial, epochs) -> {
            Double v = epochs.get(epoch);
            if (v != null && trials.test(trial)) {
                values.add(v);
            }
        });
        return values;
    }

    @Override
    public double bestUpTo(int trial, int epoch) {
        ConcurrentSkipListMap<Integer, Double> epochs = byTrial.get(trial);
        if (epochs == null) {
            return Double.NaN;
        }
        return epochs.headMap(epoch, true).values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
}
