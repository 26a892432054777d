package io.fluentdl.search;

import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio &amp; Kégl 2011): a Bayesian sampler
 * that proposes points where the good trials so far were dense and the others sparse.
 *
 * <p>The first {@code startupTrials} trials are random search's own points ({@link Sampler#random}
 * with the same seed). After that, for trial k it ranks the finished trials of the round, takes the
 * best {@code min(ceil(gamma n), 25)} of the n as "good" and the rest as "bad", fits a density l(x)
 * to the good ones and g(x) to the bad ones on each axis of the unit cube (so log-uniform rates and
 * 1 - beta momenta are modelled in the scale they are sampled in), draws {@code candidates} values
 * from l and keeps the one with the largest l(x) / g(x). Each axis is handled on its own
 * (univariate TPE, as in Bergstra 2011 and Optuna's default), so interactions between parameters
 * are not modelled. The densities are {@link ParzenEstimator}s with Optuna's settings.
 *
 * <p>What counts: completed trials, ranked by score for the search's goal; then pruned trials, below
 * every completed one, those that ran more epochs first, then by their last reported value (Optuna's
 * rule: a pruned trial's last value comes from an earlier epoch and is not comparable with final
 * scores, but it is evidence that its region is worse, and with ASHA most trials are pruned). Failed
 * trials have no score and are left out (their failure may have nothing to do with the point:
 * a time limit, an exception).
 *
 * <p>Determinism: the candidates of trial k come from a stream seeded by (seed, k), and the trials
 * it learns from are sorted by number, so a point depends on the seed, k and which trials had
 * finished. With one worker and an objective that returns the same scores, the same seed gives the
 * same trials, and a resumed {@link Study} proposes what the uninterrupted search would have. With
 * several workers a trial starts before some earlier ones finish, so its point depends on timing,
 * as in Optuna.
 *
 * <pre>{@code
 * RandomSearch.over(space).sampler(Sampler::tpe).trials(50).seed(7)...run();
 * RandomSearch.over(space).sampler(seed -> Sampler.tpe(seed).startupTrials(20))...run();
 * }</pre>
 */
public final class TpeSampler implements Sampler {

    /** Random trials before the model takes over: {@value} (Optuna's n_startup_trials). */
    public static final int DEFAULT_STARTUP_TRIALS = 10;
    /** Values drawn from l(x) per axis, of which the best l/g is kept: {@value} (Optuna and hyperopt). */
    public static final int DEFAULT_CANDIDATES = 24;
    /**
     * Share of the ranked trials that are "good": {@value}. Optuna uses ceil(0.1 n) and hyperopt
     * ceil(0.25 sqrt(n)); a quarter keeps l(x) broad for the 20-50 trials of a typical search.
     */
    public static final double DEFAULT_GAMMA = 0.25;
    /** The most trials l(x) is fitted to: {@value} (the cap of Optuna's and hyperopt's rules). */
    public static final int MAX_GOOD = 25;

    /** Keeps TPE's candidate stream apart from the random sampler's stream for the same (seed, k). */
    private static final long CANDIDATE_STREAM = 0x5DEECE66DL;

    private final long seed;
    private final int startupTrials;
    private final int candidates;
    private final double gamma;
    private final RandomSampler startup;

    TpeSampler(long seed, int startupTrials, int candidates, double gamma) {
        this.seed = seed;
        this.startupTrials = startupTrials;
        this.candidates = candidates;
        this.gamma = gamma;
        this.startup = new RandomSampler(seed);
    }

    /**
     * The warning a search with {@code trials} trials deserves when TPE never leaves its random start-up
     * ({@code trials <= startupTrials}): it is then plain random search. Empty when the model gets to choose.
     */
    public static java.util.Optional<String> startupWarning(int trials, int startupTrials) {
        if (trials > startupTrials) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(
                "method bayes (TPE): trials=%d is not more than its %d random start-up trials, so every trial was "
                        + "drawn at random and this was random search. Run at least %d trials for TPE to choose any.",
                trials, startupTrials, startupTrials + 1));
    }

    /** The same sampler with {@code n >= 1} random trials before the model; default {@value #DEFAULT_STARTUP_TRIALS}. */
    public TpeSampler startupTrials(int n) {
        return new TpeSampler(seed, Check.atLeast(where(), "startupTrials", n, 1), candidates, gamma);
    }

    /** The same sampler drawing {@code n >= 1} candidates per axis; default {@value #DEFAULT_CANDIDATES}. */
    public TpeSampler candidates(int n) {
        return new TpeSampler(seed, startupTrials, Check.atLeast(where(), "candidates", n, 1), gamma);
    }

    /** The same sampler with another share of good trials, in (0, 1]; default {@value #DEFAULT_GAMMA}. */
    public TpeSampler gamma(double gamma) {
        if (!(gamma > 0 && gamma <= 1)) {
            throw InvalidConfigException.of(where(), "gamma", gamma, String.format(
                    "gamma is the share of good trials and must be in (0, 1], got gamma=%s", gamma), "");
        }
        return new TpeSampler(seed, startupTrials, candidates, gamma);
    }

    /** Without finished trials: random search's point k. */
    @Override
    public double[] point(int k, SearchSpace<?> space) {
        return startup.point(k, space);
    }

    @Override
    public double[] point(int k, SearchSpace<?> space, List<TrialResult> finished, Goal goal) {
        List<TrialResult> ranked = ranked(finished, goal);
        if (ranked.size() < startupTrials) {
            return point(k, space);
        }
        int good = goodCount(ranked.size());
        List<TrialResult> below = byNumber(ranked.subList(0, good));
        List<TrialResult> above = byNumber(ranked.subList(good, ranked.size()));
        SplittableRandom rng = new SplittableRandom(RandomSampler.mix64(seed ^ RandomSampler.mix64(
                CANDIDATE_STREAM * (k + 1L))));
        double[] u = new double[space.dimensions()];
        for (int axis = 0; axis < u.length; axis++) {
            Hp<?> hp = space.searched().get(axis);
            ParzenEstimator l = estimator(hp, column(below, axis, u.length));
            ParzenEstimator g = estimator(hp, column(above, axis, u.length));
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < candidates; c++) {
                double x = l.sample(rng);
                double ratio = l.logPdf(x) - g.logPdf(x);
                if (ratio > best) {
                    best = ratio;
                    u[axis] = x;
                }
            }
        }
        return u;
    }

    /** How many of n ranked trials are good: min(ceil(gamma n), {@value #MAX_GOOD}), at least 1. */
    int goodCount(int n) {
        return Math.max(1, Math.min((int) Math.ceil(gamma * n), MAX_GOOD));
    }

    /**
     * The trials TPE learns from, best first: completed ones by score, then pruned ones by epochs
     * reached (more first) and last value; failed and running ones are left out. Ties go to the
     * lower trial number, so the order does not depend on the order trials finished in.
     */
    static List<TrialResult> ranked(List<TrialResult> finished, Goal goal) {
        List<TrialResult> out = new ArrayList<>();
        for (TrialResult t : finished) {
            if (t.status() == TrialStatus.COMPLETE || t.status() == TrialStatus.PRUNED) {
                out.add(t);
            }
        }
        Comparator<TrialResult> order = Comparator
                .comparingInt((TrialResult t) -> t.status() == TrialStatus.COMPLETE ? 0 : 1)
                .thenComparingInt(t -> t.status() == TrialStatus.COMPLETE ? 0 : -t.epochCount())
                .thenComparingDouble(t -> Double.isNaN(t.score()) ? Double.POSITIVE_INFINITY : goal.lossLike(t.score()))
                .thenComparingInt(TrialResult::number);
        out.sort(order);
        return out;
    }

    private static List<TrialResult> byNumber(List<TrialResult> trials) {
        List<TrialResult> out = new ArrayList<>(trials);
        out.sort(Comparator.comparingInt(TrialResult::number));
        return out;
    }

    private static double[] column(List<TrialResult> trials, int axis, int dimensions) {
        double[] x = new double[trials.size()];
        for (int i = 0; i < x.length; i++) {
            double[] units = trials.get(i).units();
            if (units.length != dimensions) {
                throw new IllegalArgumentException(String.format("trial %d has %d unit coordinates, the space has %d; "
                        + "pass only trials of this space", trials.get(i).number(), units.length, dimensions));
            }
            x[i] = units[axis];
        }
        return x;
    }

    private static ParzenEstimator estimator(Hp<?> hp, double[] observations) {
        // choices and bools have no order, so a Gaussian across neighbouring values would mean nothing
        return hp.kind().isNumeric() || hp.kind() == HpKind.ARBITER ? ParzenEstimator.numeric(observations)
                : ParzenEstimator.categorical(observations, hp.size());
    }

    private static String where() {
        return "Sampler.tpe";
    }

    @Override
    public String describe() {
        return String.format("tpe(seed=%d, startupTrials=%d, candidates=%d, gamma=%s)", seed, startupTrials,
                candidates, gamma);
    }

    @Override
    public String toString() {
        return describe();
    }
}
