package io.fluentdl.schedule;

import io.fluentdl.errors.Check;

/**
 * Cosine annealing with warm restarts, SGDR (Loshchilov &amp; Hutter 2016, "SGDR: Stochastic Gradient
 * Descent with Warm Restarts", ICLR 2017, eq. (5)): the rate follows half a cosine from the peak down
 * to a minimum, then jumps back up and starts again, each cycle longer than the last.
 *
 * <p>In cycle {@code i} (from 0), of length {@code T_i = T_0 · T_mult^i} and {@code T_cur} units in,
 * {@code a_t = η_min + ½ (η_max − η_min) · m^i · (1 + cos(π T_cur / T_i))}, with
 * {@code η_max} = {@link #peak()}, {@code T_0} = {@link #firstPeriod()}, {@code T_mult} =
 * {@link #periodMultiplier()} and {@code m} = {@link #peakMultiplier()}. As in Keras'
 * {@code CosineDecayRestarts} ({@code m_mul}), {@code m} scales the amplitude above the minimum, so the
 * rate never falls below {@code η_min}; {@code m = 1} is the paper's schedule.
 *
 * <pre>{@code
 * LearningRate lr = CosineRestarts.peak(1e-3)
 *         .firstPeriod(Period.iterations(2 * STEPS_PER_EPOCH))
 *         .periodMultiplier(2.0)        // each cycle twice as long
 *         .peakMultiplier(1.0)          // each restart returns to the same peak
 *         .minLearningRate(1e-5);
 * }</pre>
 *
 * <p>Maps to DL4J: our {@code CosineRestartsSchedule} ({@code io.fluentdl.internal.dl4j.schedule});
 * DL4J M2.1 has no restarts.
 *
 * @param peak             {@code η_max}, the rate at the start of the first cycle, {@code > 0}
 * @param firstPeriod      {@code T_0}, the first cycle's length, in iterations or epochs
 * @param periodMultiplier {@code T_mult}, each cycle's length over the previous one, {@code >= 1};
 *                         default {@value #DEFAULT_PERIOD_MULTIPLIER}
 * @param peakMultiplier   {@code m}, each cycle's amplitude over the previous one, in {@code (0, 1]};
 *                         default {@value #DEFAULT_PEAK_MULTIPLIER}
 * @param minLearningRate  {@code η_min}, {@code >= 0} and below the peak; default {@value #DEFAULT_MIN_LEARNING_RATE}
 */
public record CosineRestarts(double peak, Period firstPeriod, double periodMultiplier, double peakMultiplier,
                             double minLearningRate) implements LearningRate, Clocked {

    /** Keras' {@code t_mul}. */
    public static final double DEFAULT_PERIOD_MULTIPLIER = 2.0;
    /** Keras' {@code m_mul}: every restart returns to the same peak. */
    public static final double DEFAULT_PEAK_MULTIPLIER = 1.0;
    /** Keras' {@code alpha} and PyTorch's {@code eta_min}: anneal all the way to 0. */
    public static final double DEFAULT_MIN_LEARNING_RATE = 0.0;

    public CosineRestarts {
        Check.positive("CosineRestarts", "peak", peak);
        Check.notNull("CosineRestarts", "firstPeriod", firstPeriod);
        Rule.require(periodMultiplier >= 1 && !Double.isInfinite(periodMultiplier), "CosineRestarts",
                "periodMultiplier", periodMultiplier,
                "periodMultiplier must be a finite number >= 1, got periodMultiplier=%s", periodMultiplier);
        Rule.factor("CosineRestarts", "peakMultiplier", peakMultiplier);
        Check.nonNegative("CosineRestarts", "minLearningRate", minLearningRate);
        Rule.require(minLearningRate < peak, "CosineRestarts", "minLearningRate", minLearningRate,
                "minLearningRate must be below the peak, got minLearningRate=%s, peak=%s", minLearningRate, peak);
    }

    /** Starts the fluent form: {@code CosineRestarts.peak(1e-3).firstPeriod(...)}. */
    public static Start peak(double peak) {
        Check.positive("CosineRestarts", "peak", peak);
        return new Start(peak);
    }

    /** The one required step after {@link #peak(double)}. */
    public record Start(double peak) {
        /** {@code T_0}; the other parameters take their defaults until set. */
        public CosineRestarts firstPeriod(Period firstPeriod) {
            return new CosineRestarts(peak, firstPeriod, DEFAULT_PERIOD_MULTIPLIER, DEFAULT_PEAK_MULTIPLIER,
                    DEFAULT_MIN_LEARNING_RATE);
        }
    }

    /** A copy with {@code T_mult = periodMultiplier}. */
    public CosineRestarts periodMultiplier(double periodMultiplier) {
        return new CosineRestarts(peak, firstPeriod, periodMultiplier, peakMultiplier, minLearningRate);
    }

    /** A copy with {@code m = peakMultiplier}. */
    public CosineRestarts peakMultiplier(double peakMultiplier) {
        return new CosineRestarts(peak, firstPeriod, periodMultiplier, peakMultiplier, minLearningRate);
    }

    /** A copy with {@code η_min = minLearningRate}. */
    public CosineRestarts minLearningRate(double minLearningRate) {
        return new CosineRestarts(peak, firstPeriod, periodMultiplier, peakMultiplier, minLearningRate);
    }

    @Override
    public double valueAt(long iteration, long epoch) {
        double t = firstPeriod.clock(iteration, epoch);
        double t0 = firstPeriod.length();
        long cycle = cycleOf(t);
        double start = cycleStart(cycle);
        double length = t0 * Math.pow(periodMultiplier, cycle);
        double amplitude = (peak - minLearningRate) * Math.pow(peakMultiplier, cycle);
        return minLearningRate + 0.5 * amplitude * (1 + Math.cos(Math.PI * (t - start) / length));
    }

    /** The 0-based cycle that contains time {@code t}. */
    private long cycleOf(double t) {
        double t0 = firstPeriod.length();
        if (periodMultiplier == 1) {
            return (long) Math.floor(t / t0);
        }
        // closed form, then a nudge either way: log() can land one cycle off right at a restart
        long cycle = (long) Math.floor(Math.log1p(t * (periodMultiplier - 1) / t0) / Math.log(periodMultiplier));
        while (cycleStart(cycle + 1) <= t) {
            cycle++;
        }
        while (cycle > 0 && cycleStart(cycle) > t) {
            cycle--;
        }
        return cycle;
    }

    /** When cycle {@code i} starts: {@code T_0 (T_mult^i − 1) / (T_mult − 1)}. */
    private double cycleStart(long cycle) {
        double t0 = firstPeriod.length();
        if (periodMultiplier == 1) {
            return t0 * cycle;
        }
        return t0 * (Math.pow(periodMultiplier, cycle) - 1) / (periodMultiplier - 1);
    }

    @Override
    public Period.Unit unit() {
        return firstPeriod.unit();
    }
}
