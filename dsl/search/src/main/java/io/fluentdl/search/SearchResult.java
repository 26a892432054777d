package io.fluentdl.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of a search: every trial, best first, the best parameters and model, and which
 * hyperparameters mattered.
 *
 * <pre>{@code
 * result.best().params();        // {units=112, learningRate=0.0123, momentum=0.987}
 * ModelSpec winner = result.bestModel();
 * System.out.println(result.table());
 * result.importance();           // Spearman and variance share per Hp (see Importance)
 * }</pre>
 *
 * @param <T> what the space's template builds
 */
public final class SearchResult<T> {

    private final SearchSpace<T> space;
    private final Goal goal;
    private final List<TrialResult> trials;

    SearchResult(SearchSpace<T> space, Goal goal, List<TrialResult> trials) {
        this.space = space;
        this.goal = goal;
        this.trials = List.copyOf(sorted(goal, new ArrayList<>(trials)));
    }

    /** Completed trials by score (best first), then pruned ones by their last score, then failed ones by number. */
    static List<TrialResult> sorted(Goal goal, List<TrialResult> trials) {
        Comparator<TrialResult> byStatus = Comparator.comparingInt(t -> t.status() == TrialStatus.COMPLETE ? 0
                : t.status() == TrialStatus.PRUNED ? 1 : 2);
        Comparator<TrialResult> byScore = Comparator.comparingDouble(t -> Double.isNaN(t.score())
                ? Double.POSITIVE_INFINITY : goal.lossLike(t.score()));
        trials.sort(byStatus.thenComparing((a, b) -> a.status() == TrialStatus.FAIL ? 0 : byScore.compare(a, b))
                .thenComparingInt(TrialResult::number));
        return trials;
    }

    /** Every trial, best first. */
    public List<TrialResult> trials() {
        return trials;
    }

    /** Trials with {@code status}, best first. */
    public List<TrialResult> trials(TrialStatus status) {
        return trials.stream().filter(t -> t.status() == status).collect(Collectors.toList());
    }

    /**
     * The best completed trial.
     *
     * @throws IllegalStateException if no trial completed, with the first failure's reason
     */
    public TrialResult best() {
        if (trials.isEmpty() || trials.get(0).status() != TrialStatus.COMPLETE) {
            String first = trials.stream().filter(t -> !t.reason().isEmpty()).map(t -> String.format(
                    " First reason (trial %d): %s", t.number(), t.reason())).findFirst().orElse("");
            throw new IllegalStateException(String.format("SearchSpace '%s': no trial completed (%d trials: %d failed, "
                    + "%d pruned).%s", space.name(), trials.size(), trials(TrialStatus.FAIL).size(),
                    trials(TrialStatus.PRUNED).size(), first));
        }
        return trials.get(0);
    }

    /** The model the template builds with the best trial's parameters. */
    public T bestModel() {
        if (space.params().stream().anyMatch(hp -> hp.kind() == HpKind.ARBITER)) {
            // an Arbiter space builds from the unit vector (its leaves cannot map a value back)
            return space.build(space.trial(best().number(), best().units()));
        }
        return space.build(space.trialWith(best().params()));
    }

    /** Epochs reported over all trials: the resource a search spent (and pruning saves). */
    public int totalEpochs() {
        return trials.stream().mapToInt(TrialResult::epochCount).sum();
    }

    /** Importance of each searched Hp over the completed trials, largest share first (see {@link Importance}). */
    public List<Importance> importance() {
        return Importance.of(space, trials(TrialStatus.COMPLETE));
    }

    public Goal goal() {
        return goal;
    }

    public SearchSpace<T> space() {
        return space;
    }

    /** A fixed-width table, best first: number, status, score, each parameter, epochs, seconds, reason. */
    public String table() {
        List<String> names = space.params().stream().map(Hp::name).collect(Collectors.toList());
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("#", "status", "score"));
        header.addAll(names);
        header.addAll(List.of("epochs", "seconds", "reason"));
        rows.add(header);
        for (TrialResult t : trials) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(t.number()), t.status().name(), format(t.score())));
            for (String n : names) {
                row.add(format(t.params().get(n)));
            }
            row.addAll(List.of(Integer.toString(t.epochCount()), String.format(Locale.ROOT, "%.1f", t.millis() / 1000.0),
                    t.reason()));
            rows.add(row);
        }
        int[] width = new int[header.size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        });
        StringBuilder sb = new StringBuilder(String.format("Search '%s' (%s), %d trials%n", space.name(),
                goal.name().toLowerCase(Locale.ROOT), trials.size()));
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                sb.append(i == r.size() - 1 ? r.get(i) : String.format("%-" + width[i] + "s  ", r.get(i)));
            }
            sb.append(String.format("%n"));
        }
        return sb.toString();
    }

    private static String format(Object v) {
        if (v instanceof Double) {
            double d = (Double) v;
            return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.4g", d);
        }
        return String.valueOf(v);
    }

    /**
     * Epochs spent, in trial-number order, until a completed trial first scored at least as well as
     * {@code target} (its own epochs included), or -1 if none did. Compares the cost of two searches
     * that reach the same score, e.g. with and without pruning.
     */
    public int epochsToReach(double target) {
        List<TrialResult> byNumber = new ArrayList<>(trials);
        byNumber.sort(Comparator.comparingInt(TrialResult::number));
        int spent = 0;
        for (TrialResult t : byNumber) {
            spent += t.epochCount();
            if (t.status() == TrialStatus.COMPLETE && !goal.better(target, t.score())) {
                return spent;
            }
        }
        return -1;
    }

    /** The best trial's parameters as a JSON object (numbers and booleans as JSON values, others as strings). */
    public String bestParamsJson() {
        return StudyJson.params(best().params());
    }

    /** The best trial's parameters by name (shortcut for {@code best().params()}). */
    public Map<String, Object> bestParams() {
        return best().params();
    }

    @Override
    public String toString() {
        return table();
    }
}
