package io.fluentdl.schedule;

import io.fluentdl.errors.Check;

/**
 * The one-cycle policy (Smith &amp; Topin 2017, "Super-Convergence"; Smith 2018, "A disciplined approach
 * to neural network hyper-parameters: Part 1"): one long cycle up to a large rate and down far below
 * the start, with momentum moving the opposite way.
 *
 * <p>With {@code T} = {@link #total()}, {@code u = pctStart · T}, {@code a_0 = max / divFactor} and
 * {@code a_min = a_0 / finalDivFactor}:
 * <ul>
 *   <li>{@code t <= u}: anneal from {@code a_0} up to {@code max}, fraction {@code p = t / u};</li>
 *   <li>{@code u < t < T}: anneal from {@code max} down to {@code a_min}, fraction {@code p = (t − u) / (T − u)};</li>
 *   <li>{@code t >= T}: {@code a_min}.</li>
 * </ul>
 * Annealing from {@code a} to {@code b} is {@code b + (a − b)(1 + cos(π p))/2} ({@link Anneal#COSINE},
 * as PyTorch and fastai) or {@code a + p (b − a)} ({@link Anneal#LINEAR}, Smith's original). The
 * rate reaches {@code a_min} exactly at {@code t = T}; PyTorch's {@code OneCycleLR} shifts both phases
 * one step earlier so that its last step {@code T − 1} is at {@code a_min}. Defaults are PyTorch's.
 * {@link #momentumAt(long, long)} gives the matching cyclical momentum: {@code maxMomentum} →
 * {@code baseMomentum} → {@code maxMomentum}, on the same clock and annealing.
 *
 * <pre>{@code
 * OneCycle lr = OneCycle.max(0.1).over(Period.iterations(20 * STEPS_PER_EPOCH)).pctStart(0.25);
 * }</pre>
 *
 * <p>Maps to DL4J: our {@code OneCycleSchedule} for the rate and {@code OneCycleMomentumSchedule} for
 * momentum ({@code io.fluentdl.internal.dl4j.schedule}). In DL4J M2.1 only {@code Nesterovs} takes a
 * momentum schedule ({@code momentumSchedule}); Adam's, Nadam's and AMSGrad's {@code beta1} are fixed,
 * so with them the momentum half is left out.
 *
 * @param maxLearningRate the peak rate, reached at {@code t = u}, {@code > 0}
 * @param total           {@code T}, the length of the cycle (usually the whole training), in iterations or epochs
 * @param pctStart        the fraction of {@code T} spent rising, in {@code (0, 1)}; default {@value #DEFAULT_PCT_START}
 * @param divFactor       {@code max / a_0}, {@code >= 1}; default {@value #DEFAULT_DIV_FACTOR}
 * @param finalDivFactor  {@code a_0 / a_min}, {@code >= 1}; default {@value #DEFAULT_FINAL_DIV_FACTOR}
 * @param anneal          the shape of both phases; default {@link Anneal#COSINE}
 * @param baseMomentum    momentum at the rate's peak, in {@code [0, maxMomentum]}; default {@value #DEFAULT_BASE_MOMENTUM}
 * @param maxMomentum     momentum at the start and end, in {@code [baseMomentum, 1)}; default {@value #DEFAULT_MAX_MOMENTUM}
 */
public record OneCycle(double maxLearningRate, Period total, double pctStart, double divFactor, double finalDivFactor,
                       Anneal anneal, double baseMomentum, double maxMomentum) implements LearningRate, Clocked {

    /** How each phase moves between its end points. */
    public enum Anneal { COSINE, LINEAR }

    public static final double DEFAULT_PCT_START = 0.3;
    public static final double DEFAULT_DIV_FACTOR = 25.0;
    public static final double DEFAULT_FINAL_DIV_FACTOR = 1e4;
    public static final double DEFAULT_BASE_MOMENTUM = 0.85;
    public static final double DEFAULT_MAX_MOMENTUM = 0.95;

    public OneCycle {
        Check.positive("OneCycle", "maxLearningRate", maxLearningRate);
        Check.notNull("OneCycle", "total", total);
        Rule.require(pctStart > 0 && pctStart < 1, "OneCycle", "pctStart", pctStart,
                "pctStart must be in (0, 1), got pctStart=%s", pctStart);
        atLeastOne("divFactor", divFactor);
        atLeastOne("finalDivFactor", finalDivFactor);
        Check.notNull("OneCycle", "anneal", anneal);
        Check.inHalfOpen("OneCycle", "maxMomentum", maxMomentum, 0, 1, "");
        Rule.require(baseMomentum >= 0 && baseMomentum <= maxMomentum, "OneCycle", "baseMomentum", baseMomentum,
                "baseMomentum must be in [0, maxMomentum], got baseMomentum=%s, maxMomentum=%s",
                baseMomentum, maxMomentum);
    }

    private static void atLeastOne(String parameter, double value) {
        Rule.require(value >= 1 && !Double.isInfinite(value), "OneCycle", parameter, value,
                "%s must be a finite number >= 1, got %s=%s", parameter, parameter, value);
    }

    /** Starts the fluent form: {@code OneCycle.max(0.1).over(Period.epochs(20))}. */
    public static Start max(double maxLearningRate) {
        Check.positive("OneCycle", "maxLearningRate", maxLearningRate);
        return new Start(maxLearningRate);
    }

    /** The one required step after {@link #max(double)}. */
    public record Start(double maxLearningRate) {
        /** The cycle's length {@code T}; the other parameters take their defaults until set. */
        public OneCycle over(Period total) {
            return new OneCycle(maxLearningRate, total, DEFAULT_PCT_START, DEFAULT_DIV_FACTOR,
                    DEFAULT_FINAL_DIV_FACTOR, Anneal.COSINE, DEFAULT_BASE_MOMENTUM, DEFAULT_MAX_MOMENTUM);
        }
    }

    /** A copy that rises for {@code pctStart · T}. */
    public OneCycle pctStart(double pctStart) {
        return new OneCycle(maxLearningRate, total, pctStart, divFactor, finalDivFactor, anneal, baseMomentum, maxMomentum);
    }

    /** A copy starting at {@code max / divFactor}. */
    public OneCycle divFactor(double divFactor) {
        return new OneCycle(maxLearningRate, total, pctStart, divFactor, finalDivFactor, anneal, baseMomentum, maxMomentum);
    }

    /** A copy ending at {@code max / (divFactor · finalDivFactor)}. */
    public OneCycle finalDivFactor(double finalDivFactor) {
        return new OneCycle(maxLearningRate, total, pctStart, divFactor, finalDivFactor, anneal, baseMomentum, maxMomentum);
    }

    /** A copy with this annealing shape. */
    public OneCycle anneal(Anneal anneal) {
        return new OneCycle(maxLearningRate, total, pctStart, divFactor, finalDivFactor, anneal, baseMomentum, maxMomentum);
    }

    /** Momentum goes {@code max → base} while the rate rises and back while it falls. */
    public OneCycle momentum(double baseMomentum, double maxMomentum) {
        return new OneCycle(maxLearningRate, total, pctStart, divFactor, finalDivFactor, anneal, baseMomentum, maxMomentum);
    }

    /** {@code a_0 = max / divFactor}, the rate at {@code t = 0}. */
    public double startLearningRate() {
        return maxLearningRate / divFactor;
    }

    /** {@code a_min = a_0 / finalDivFactor}, the rate from {@code t = T} on. */
    public double finalLearningRate() {
        return startLearningRate() / finalDivFactor;
    }

    @Override
    public double valueAt(long iteration, long epoch) {
        return phased(iteration, epoch, startLearningRate(), maxLearningRate, finalLearningRate());
    }

    /** The cyclical momentum at this time: the mirror image of the rate. */
    public double momentumAt(long iteration, long epoch) {
        return phased(iteration, epoch, maxMomentum, baseMomentum, maxMomentum);
    }

    private double phased(long iteration, long epoch, double start, double middle, double end) {
        double t = total.clock(iteration, epoch);
        double length = total.length();
        double up = pctStart * length;
        if (t <= up) {
            return interpolate(start, middle, t / up);
        }
        if (t < length) {
            return interpolate(middle, end, (t - up) / (length - up));
        }
        return end;
    }

    private double interpolate(double from, double to, double fraction) {
        return switch (anneal) {
            case COSINE -> to + (from - to) * (1 + Math.cos(Math.PI * fraction)) / 2;
            case LINEAR -> from + fraction * (to - from);
        };
    }

    @Override
    public Period.Unit unit() {
        return total.unit();
    }
}
