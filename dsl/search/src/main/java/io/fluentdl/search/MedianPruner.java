package io.fluentdl.search;

import io.fluentdl.errors.Check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The median stopping rule (Golovin et al. 2017, Google Vizier; as Optuna's MedianPruner): after
 * {@code warmupEpochs}, stop a trial whose best value so far is worse than the median of the
 * values other trials reported at the same epoch, once at least {@code minTrials} others have.
 */
public final class MedianPruner implements Pruner {

    private final int warmupEpochs;
    private final int minTrials;

    /**
     * @param warmupEpochs epochs every trial runs before it can be stopped, {@code >= 0}
     * @param minTrials    other trials needed at an epoch before comparing, {@code >= 1}
     */
    public MedianPruner(int warmupEpochs, int minTrials) {
        this.warmupEpochs = Check.atLeast("Pruner.median", "warmupEpochs", warmupEpochs, 0);
        this.minTrials = Check.atLeast("Pruner.median", "minTrials", minTrials, 1);
    }

    @Override
    public String prune(int trial, int epoch, double value, PruningHistory history) {
        if (epoch <= warmupEpochs) {
            return null;
        }
        List<Double> others = new ArrayList<>(history.valuesAt(epoch, trial));
        if (others.size() < minTrials) {
            return null;
        }
        Collections.sort(others);
        int n = others.size();
        double median = n % 2 == 1 ? others.get(n / 2) : (others.get(n / 2 - 1) + others.get(n / 2)) / 2;
        double best = history.bestUpTo(trial, epoch);
        return best > median ? String.format("median stopping at epoch %d: best so far %s is worse than the "
                + "median %s of %d other trials", epoch, best, median, n) : null;
    }

    @Override
    public String describe() {
        return String.format("median(warmupEpochs=%d, minTrials=%d)", warmupEpochs, minTrials);
    }

    @Override
    public String toString() {
        return describe();
    }
}
