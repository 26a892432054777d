package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Coarse-to-fine: after a round, shrink each range around the best trials and sample again.
 *
 * <p>Each numeric range shrinks in the parameter's own scale: a log-uniform learning rate in
 * log10(value), a one-minus-log-uniform momentum in log10(1 - value), integers and uniform
 * values linearly. The new range spans the top trials' values, widened on each side by
 * {@code padding} times the current range's width (in that scale) and clipped to the current
 * range; integer ends round outwards onto the step grid. A choice keeps only the values that
 * appear among the top trials, in their original order. Fixed values stay.
 *
 * <pre>{@code
 * // lr in [1e-4, 1], top trials at 1e-3 and 1e-2, padding 0.1: [10^-3.4, 10^-1.6]
 * SearchSpace<ModelSpec> finer = CoarseToFine.narrow(space, topTrials, 0.1);
 * }</pre>
 *
 * <p>The runner does this between rounds with {@link Search#coarseToFine(int, int, double)}.
 */
public final class CoarseToFine {

    /** Default padding on each side, as a fraction of the current width: {@value}. */
    public static final double DEFAULT_PADDING = 0.1;

    private CoarseToFine() {
    }

    /**
     * The same space with every range narrowed around {@code top}'s parameters.
     *
     * @param space   the space of the round just run
     * @param top     the best trials (any number from 1), whose params name every Hp of the space
     * @param padding the margin on each side as a fraction of the current width, {@code >= 0}
     */
    public static <T> SearchSpace<T> narrow(SearchSpace<T> space, List<Trial> top, double padding) {
        if (top.isEmpty()) {
            throw InvalidConfigException.of(SearchSpace.where(space.name()), "top", 0,
                    "coarse-to-fine needs at least one finished trial to narrow around, got none", "");
        }
        if (!(padding >= 0) || Double.isInfinite(padding)) {
            throw InvalidConfigException.of("CoarseToFine", "padding", padding,
                    String.format("padding must be a finite number >= 0, got padding=%s", padding), "");
        }
        List<Hp<?>> narrowed = new ArrayList<>();
        for (Hp<?> hp : space.params()) {
            narrowed.add(narrow(hp, top, padding));
        }
        return space.withParams(narrowed);
    }

    private static <V> Hp<V> narrow(Hp<V> hp, List<Trial> top, double padding) {
        List<Object> seen = new ArrayList<>();
        for (Trial t : top) {
            Map<String, Object> params = t.params();
            if (!params.containsKey(hp.name())) {
                throw new IllegalArgumentException(String.format("trial %s has no value for Hp '%s'", t, hp.name()));
            }
            seen.add(params.get(hp.name()));
        }
        if (hp.kind() == HpKind.CHOICE || hp.kind() == HpKind.BOOL) {
            List<V> kept = new ArrayList<>();
            for (V v : hp.values()) {
                if (seen.contains(v)) {
                    kept.add(v);
                }
            }
            return hp.withValues(kept);
        }
        if (!hp.kind().isNumeric()) {
            return hp;
        }
        double lowS = scale(hp, hp.low());
        double highS = scale(hp, hp.high());
        double minS = Math.min(lowS, highS);
        double maxS = Math.max(lowS, highS);
        double pad = padding * (maxS - minS);
        double from = Double.POSITIVE_INFINITY;
        double to = Double.NEGATIVE_INFINITY;
        for (Object v : seen) {
            double s = scale(hp, ((Number) v).doubleValue());
            from = Math.min(from, s);
            to = Math.max(to, s);
        }
        from = Math.max(minS, from - pad);
        to = Math.min(maxS, to + pad);
        double a = unscale(hp, from);
        double b = unscale(hp, to);
        double newLow = Math.max(hp.low(), Math.min(a, b));
        double newHigh = Math.min(hp.high(), Math.max(a, b));
        if (hp.kind() == HpKind.INT_RANGE) {
            newLow = hp.low() + hp.step() * Math.floor((newLow - hp.low()) / hp.step() + 1e-9);
            newHigh = hp.low() + hp.step() * Math.ceil((newHigh - hp.low()) / hp.step() - 1e-9);
        } else if (hp.kind() == HpKind.INT_LOG_RANGE) {
            newLow = Math.floor(newLow + 1e-9);
            newHigh = Math.ceil(newHigh - 1e-9);
        }
        return hp.withRange(newLow, newHigh);
    }

    /** The coordinate in which the Hp is uniform. */
    static double scale(Hp<?> hp, double v) {
        switch (hp.kind()) {
            case LOG_UNIFORM:
            case INT_LOG_RANGE:
                return Math.log10(v);
            case ONE_MINUS_LOG_UNIFORM:
                return Math.log10(1 - v);
            default:
                return v;
        }
    }

    static double unscale(Hp<?> hp, double s) {
        switch (hp.kind()) {
            case LOG_UNIFORM:
            case INT_LOG_RANGE:
                return Math.pow(10, s);
            case ONE_MINUS_LOG_UNIFORM:
                return 1 - Math.pow(10, s);
            default:
                return s;
        }
    }
}
