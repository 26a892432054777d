package io.fluentdl.search;

import io.fluentdl.errors.Check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Asynchronous successive halving (ASHA; Li et al. 2018) with epochs as the resource.
 *
 * <p>Rungs sit at epochs {@code minEpochs * reductionFactor^i} (1, 3, 9, 27 for 1 and 3). A trial
 * reaching a rung continues only if its value is among the best {@code 1 / reductionFactor} of
 * all values recorded at that rung so far (at least the best one), the promotion rule of Optuna's
 * SuccessiveHalvingPruner. Asynchronous: no trial waits for a rung to fill, so early trials are
 * judged against few others, and the order in which parallel trials arrive matters. One bracket bets
 * that early epochs predict the final score; {@link HyperbandPruner} hedges with several.
 */
public final class SuccessiveHalvingPruner implements Pruner {

    private final int minEpochs;
    private final int reductionFactor;

    /**
     * @param minEpochs       the first rung, in epochs, {@code >= 1}
     * @param reductionFactor eta: keep the best 1/eta at each rung, {@code >= 2}
     */
    public SuccessiveHalvingPruner(int minEpochs, int reductionFactor) {
        this.minEpochs = Check.atLeast("Pruner.successiveHalving", "minEpochs", minEpochs, 1);
        this.reductionFactor = Check.atLeast("Pruner.successiveHalving", "reductionFactor", reductionFactor, 2);
    }

    /** Whether {@code epoch} is a rung. */
    boolean isRung(int epoch) {
        long r = minEpochs;
        while (r < epoch) {
            r *= reductionFactor;
        }
        return r == epoch;
    }

    @Override
    public String prune(int trial, int epoch, double value, PruningHistory history) {
        if (!isRung(epoch)) {
            return null;
        }
        List<Double> competing = new ArrayList<>(history.valuesAt(epoch, trial));
        competing.add(value);
        Collections.sort(competing);
        int promoted = Math.max(1, competing.size() / reductionFactor);
        double threshold = competing.get(promoted - 1);
        return value <= threshold ? null : String.format("successive halving at epoch %d: %s is not in the best %d "
                + "of %d at this rung", epoch, value, promoted, competing.size());
    }

    @Override
    public String describe() {
        return String.format("successiveHalving(minEpochs=%d, reductionFactor=%d)", minEpochs, reductionFactor);
    }

    @Override
    public String toString() {
        return describe();
    }
}
