package io.fluentdl.search;

import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hyperband (Li et al. 2018) in its asynchronous form: several brackets of successive halving that
 * differ in how early they first judge a trial, each trial assigned to one bracket and compared
 * only with the trials of its bracket.
 *
 * <p>A single {@link SuccessiveHalvingPruner} bets everything on early epochs predicting the final
 * score; when they do not (a slow starter with a good learning rate), it stops the eventual winner.
 * Hyperband hedges: bracket {@code b} (0 to {@link #brackets()} - 1) is successive halving whose
 * first rung is {@code minEpochs * reductionFactor^b}, so bracket 0 is ASHA at its most aggressive
 * and the last bracket never prunes (plain random search at full budget). For minEpochs 1,
 * maxEpochs 9 and reductionFactor 3 the brackets have rungs at epochs {1, 3}, {3} and none.
 *
 * <p>No rung sits at or after {@code maxEpochs}: a trial that got there has spent its budget, and
 * in Li et al. the last round of a bracket only picks the winner. Li et al.'s bracket {@code s}
 * (counted down from s_max) is bracket {@code b = s_max - s} here; rungs are whole epochs
 * {@code minEpochs * reductionFactor^k}, as in Optuna's HyperbandPruner, rather than
 * {@code maxEpochs * reductionFactor^-s}, which need not be whole.
 *
 * <p>Trial {@code n} goes to the bracket at position {@code n mod period} of a smooth weighted
 * round-robin (nginx's: each step every bracket earns its weight, the richest is chosen and pays
 * the total). Weights are the trials each bracket starts in one synchronous Hyperband iteration,
 * {@code ceil((s_max + 1) / (s + 1) * reductionFactor^s)}: 9, 5 and 3 for the example above, giving
 * brackets 0, 1, 0, 2, 0, 1, 0, 2, 0, 1, 0, 1, 0, 2, 0, 1, 0 for trials 0 to 16, then again.
 * Optuna draws the bracket from a hash of the study name and trial number; the round-robin
 * spreads the first few trials over all brackets and is easy to check by hand. Either way the
 * bracket depends on the trial number alone, so a resumed search keeps every trial in its bracket
 * (with one worker it then decides as the uninterrupted search did).
 *
 * <pre>{@code
 * RandomSearch.over(space).pruner(Pruner.hyperband(1, 9, 3))   // trials of 9 epochs
 * }</pre>
 */
public final class HyperbandPruner implements Pruner {

    private static final String WHERE = "Pruner.hyperband";

    private final int minEpochs;
    private final int maxEpochs;
    private final int reductionFactor;
    private final List<SuccessiveHalvingPruner> brackets = new ArrayList<>();
    private final long[] weights;
    private final long period;
    /** The round-robin's choices so far (grown on demand) and its state after them; guarded by this. */
    private final List<Integer> schedule = new ArrayList<>();
    private final long[] credit;

    /**
     * @param minEpochs       the first rung of the most aggressive bracket, in epochs, {@code >= 1}
     * @param maxEpochs       the most epochs a trial trains (Li et al.'s R), {@code >= minEpochs * reductionFactor}
     * @param reductionFactor eta: each rung keeps the best 1/eta of its bracket, {@code >= 2}
     */
    public HyperbandPruner(int minEpochs, int maxEpochs, int reductionFactor) {
        this.minEpochs = Check.atLeast(WHERE, "minEpochs", minEpochs, 1);
        this.maxEpochs = Check.atLeast(WHERE, "maxEpochs", maxEpochs, 1);
        this.reductionFactor = Check.atLeast(WHERE, "reductionFactor", reductionFactor, 2);
        long second = (long) minEpochs * reductionFactor;
        if (maxEpochs < second) {
            throw InvalidConfigException.of(WHERE, "maxEpochs", maxEpochs, String.format(
                    "maxEpochs must be >= minEpochs * reductionFactor = %d for a second bracket, got maxEpochs=%d, "
                    + "minEpochs=%d, reductionFactor=%d", second, maxEpochs, minEpochs, reductionFactor), String.format(
                    "Raise maxEpochs to the epochs a trial trains, or use Pruner.successiveHalving(%d, %d) "
                    + "(one bracket)", minEpochs, reductionFactor));
        }
        for (long first = minEpochs; first <= maxEpochs; first *= reductionFactor) {
            brackets.add(new SuccessiveHalvingPruner((int) first, reductionFactor));
        }
        int sMax = brackets.size() - 1;
        weights = new long[brackets.size()];
        long total = 0;
        for (int b = 0; b <= sMax; b++) {
            int s = sMax - b;
            weights[b] = ((sMax + 1) * pow(s) + s) / (s + 1);   // ceil((sMax + 1) * eta^s / (s + 1))
            total += weights[b];
        }
        period = total;
        credit = new long[weights.length];
    }

    /** How many brackets: {@code 1 + floor(log_eta(maxEpochs / minEpochs))}. */
    public int brackets() {
        return brackets.size();
    }

    /** The epochs at which bracket {@code b} judges its trials (those below maxEpochs), ascending. */
    public List<Integer> rungs(int b) {
        List<Integer> rungs = new ArrayList<>();
        for (long r = (long) minEpochs * pow(b); r < maxEpochs; r *= reductionFactor) {
            rungs.add((int) r);
        }
        return rungs;
    }

    /** Trials bracket {@code b} gets per period of the round-robin (Li et al.'s n for s = s_max - b). */
    long weight(int b) {
        return weights[b];
    }

    /** The bracket of trial {@code number}: a pure function of the number (see the class comment). */
    public synchronized int bracketOf(int number) {
        int position = (int) Math.floorMod((long) number, period);
        while (schedule.size() <= position) {
            int richest = 0;
            for (int b = 0; b < weights.length; b++) {
                credit[b] += weights[b];
                if (credit[b] > credit[richest]) {
                    richest = b;
                }
            }
            credit[richest] -= period;
            schedule.add(richest);
        }
        return schedule.get(position);
    }

    @Override
    public String prune(int trial, int epoch, double value, PruningHistory history) {
        if (epoch >= maxEpochs) {
            return null;
        }
        int b = bracketOf(trial);
        String why = brackets.get(b).prune(trial, epoch, value, history.only(t -> bracketOf(t) == b));
        return why == null ? null : String.format("hyperband bracket %d (rungs at epochs %s): %s", b,
                rungs(b).stream().map(String::valueOf).collect(Collectors.joining(", ")), why);
    }

    private long pow(int k) {
        long p = 1;
        for (int i = 0; i < k; i++) {
            p *= reductionFactor;
        }
        return p;
    }

    @Override
    public String describe() {
        return String.format("hyperband(minEpochs=%d, maxEpochs=%d, reductionFactor=%d)", minEpochs, maxEpochs,
                reductionFactor);
    }

    @Override
    public String toString() {
        return describe();
    }
}
