package io.fluentdl.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which hyperparameters mattered, from the completed trials of a search. Two measures per Hp:
 *
 * <ul>
 *   <li><b>Spearman rank correlation</b> between the Hp's value and the score: +1 when a larger
 *   value always scored higher, -1 when lower; NaN for an unordered choice. Monotone effects only;
 *   a U-shaped effect (a learning rate with an optimum inside the range) can show near 0.
 *   <li><b>Variance share</b>, fANOVA-style from binned marginals: cut the Hp's axis into bins
 *   (each value of a discrete Hp with at most {@value #MAX_BINS} values, otherwise about
 *   sqrt(n) equal-count bins, at most {@value #MAX_BINS}), take the mean score per bin, and
 *   compute the share of the score's variance that the bin means explain (the correlation ratio
 *   eta squared). {@code share} normalises these over all Hps to sum to 1. Catches U-shapes; with
 *   few trials even an irrelevant Hp explains about (bins - 1) / (n - 1) by chance.
 * </ul>
 * Interactions are not separated (true fANOVA fits a random forest first; this does not).
 *
 * @param name         the Hp's name
 * @param spearman     rank correlation of value and score, in [-1, 1], or NaN
 * @param varianceExplained eta squared of the binned marginal, in [0, 1]
 * @param share        varianceExplained normalised over all searched Hps
 */
public record Importance(String name, double spearman, double varianceExplained, double share) {

    /** Most bins per axis: {@value}. */
    public static final int MAX_BINS = 10;
    /** Fewer completed trials than this and importance is noise: reports say so. */
    public static final int MIN_TRIALS = 10;

    /** The warning importance over {@code completed} trials deserves, or empty from {@value #MIN_TRIALS} on. */
    public static java.util.Optional<String> fewTrialsWarning(int completed) {
        if (completed >= MIN_TRIALS) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(
                "parameter importance from %d completed trials is not meaningful (shares and correlations need at "
                        + "least %d); read it as noise.", completed, MIN_TRIALS));
    }

    /** Importance of every searched Hp of {@code space} over {@code complete}, largest share first. */
    static List<Importance> of(SearchSpace<?> space, List<TrialResult> complete) {
        List<Hp<?>> hps = space.searched();
        int n = complete.size();
        double[] scores = complete.stream().mapToDouble(TrialResult::score).toArray();
        double[] eta = new double[hps.size()];
        double[] rho = new double[hps.size()];
        for (int j = 0; j < hps.size(); j++) {
            Hp<?> hp = hps.get(j);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = unit(hp, complete.get(i).params().get(hp.name()));
            }
            rho[j] = hp.kind() == HpKind.CHOICE || n < 3 ? Double.NaN : pearson(ranks(x), ranks(scores));
            eta[j] = n < 2 ? Double.NaN : etaSquared(x, scores, hp);
        }
        double total = Arrays.stream(eta).filter(Double::isFinite).sum();
        List<Importance> out = new ArrayList<>();
        for (int j = 0; j < hps.size(); j++) {
            out.add(new Importance(hps.get(j).name(), rho[j], eta[j], total > 0 ? eta[j] / total : Double.NaN));
        }
        out.sort(Comparator.comparingDouble((Importance i) -> Double.isNaN(i.share) ? -1 : i.share).reversed());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static double unit(Hp<?> hp, Object value) {
        return ((Hp<Object>) hp).toUnit(value);
    }

    /** Ranks from 1, ties sharing their average rank. */
    static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; ) {
            int j = i;
            while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** Between-bin variance of the scores over their total variance. */
    static double etaSquared(double[] x, double[] y, Hp<?> hp) {
        int n = x.length;
        int[] bin = new int[n];
        int bins;
        if (hp.size() > 0 && hp.size() <= MAX_BINS) {
            bins = hp.size();
            for (int i = 0; i < n; i++) {
                bin[i] = Math.min(bins - 1, (int) Math.floor(x[i] * bins));
            }
        } else {
            bins = Math.max(2, Math.min(MAX_BINS, (int) Math.round(Math.sqrt(n))));
            double[] r = ranks(x);
            for (int i = 0; i < n; i++) {
                bin[i] = Math.min(bins - 1, (int) ((r[i] - 1) * bins / n));
            }
        }
        double mean = Arrays.stream(y).average().orElse(0);
        double[] sum = new double[bins];
        int[] count = new int[bins];
        double totalSs = 0;
        for (int i = 0; i < n; i++) {
            sum[bin[i]] += y[i];
            count[bin[i]]++;
            totalSs += (y[i] - mean) * (y[i] - mean);
        }
        double betweenSs = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                double m = sum[b] / count[b];
                betweenSs += count[b] * (m - mean) * (m - mean);
            }
        }
        return totalSs == 0 ? 0 : betweenSs / totalSs;
    }
}
