package io.fluentdl.schedule;

import io.fluentdl.errors.Check;

/**
 * Cyclical learning rate (Smith 2017, "Cyclical Learning Rates for Training Neural Networks", WACV):
 * the rate climbs linearly from a base to a maximum and back, over and over.
 *
 * <p>With half-cycle length {@code s} (Smith's {@code stepsize}) and {@code t} in its unit:
 * {@code cycle = floor(1 + t/(2s))}, {@code x = |t/s − 2·cycle + 1|},
 * {@code a_t = base + (max − base) · max(0, 1 − x) · scale}, where {@code scale} is
 * <ul>
 *   <li>{@link Mode#TRIANGULAR}: 1 (same amplitude every cycle);</li>
 *   <li>{@link Mode#TRIANGULAR2}: {@code 1 / 2^(cycle − 1)} (the amplitude halves each cycle);</li>
 *   <li>{@link Mode#EXP_RANGE}: {@code gamma^t} (the amplitude shrinks every unit).</li>
 * </ul>
 * Smith suggests a step size of 2–10 epochs' worth of iterations and bounds from an LR range test.
 *
 * <pre>{@code
 * LearningRate lr = Cyclical.triangular2(1e-3, 6e-3, Period.iterations(4 * STEPS_PER_EPOCH));
 * }</pre>
 *
 * <p>Maps to DL4J: our {@code CyclicalSchedule} ({@code io.fluentdl.internal.dl4j.schedule}); DL4J's
 * own {@code CycleSchedule} is a one-cycle policy with a decaying tail, not this.
 *
 * @param mode             how the amplitude changes from cycle to cycle
 * @param baseLearningRate the lowest rate, at the start and end of each cycle, {@code >= 0}
 * @param maxLearningRate  the highest rate, mid-cycle (before scaling), above the base
 * @param stepSize         half a cycle: the time from base to max, in iterations or epochs
 * @param gamma            the per-unit amplitude factor for {@link Mode#EXP_RANGE}, in {@code (0, 1]};
 *                         must be {@value #NO_GAMMA} for the other modes
 */
public record Cyclical(Mode mode, double baseLearningRate, double maxLearningRate, Period stepSize, double gamma)
        implements LearningRate, Clocked {

    /** Smith's three policies. */
    public enum Mode { TRIANGULAR, TRIANGULAR2, EXP_RANGE }

    /** The gamma of the modes that have none. */
    public static final double NO_GAMMA = 1.0;

    public Cyclical {
        Check.notNull("Cyclical", "mode", mode);
        Check.nonNegative("Cyclical", "baseLearningRate", baseLearningRate);
        Check.positive("Cyclical", "maxLearningRate", maxLearningRate);
        Check.notNull("Cyclical", "stepSize", stepSize);
        Rule.factor("Cyclical", "gamma", gamma);
        Rule.require(baseLearningRate < maxLearningRate, "Cyclical", "maxLearningRate", maxLearningRate,
                "maxLearningRate must be above baseLearningRate, got maxLearningRate=%s, baseLearningRate=%s",
                maxLearningRate, baseLearningRate);
        Rule.require(mode == Mode.EXP_RANGE || gamma == NO_GAMMA, "Cyclical", "gamma", gamma,
                "gamma applies only to EXP_RANGE, got mode=%s, gamma=%s", mode, gamma);
    }

    /** Same amplitude every cycle. */
    public static Cyclical triangular(double baseLearningRate, double maxLearningRate, Period stepSize) {
        return new Cyclical(Mode.TRIANGULAR, baseLearningRate, maxLearningRate, stepSize, NO_GAMMA);
    }

    /** The amplitude halves each cycle. */
    public static Cyclical triangular2(double baseLearningRate, double maxLearningRate, Period stepSize) {
        return new Cyclical(Mode.TRIANGULAR2, baseLearningRate, maxLearningRate, stepSize, NO_GAMMA);
    }

    /** The amplitude is multiplied by {@code gamma} every unit of {@code stepSize} (e.g. 0.99994 per iteration). */
    public static Cyclical expRange(double baseLearningRate, double maxLearningRate, Period stepSize, double gamma) {
        return new Cyclical(Mode.EXP_RANGE, baseLearningRate, maxLearningRate, stepSize, gamma);
    }

    @Override
    public double valueAt(long iteration, long epoch) {
        return valueAtTime(stepSize.clock(iteration, epoch));
    }

    /** Per step for a step size in epochs: at fractional epoch {@code iteration / stepsPerEpoch}. */
    @Override
    public double valueAt(long iteration, long epoch, int stepsPerEpoch) {
        if (stepSize.unit() == Period.Unit.EPOCHS && stepsPerEpoch > 0) {
            return valueAtTime((double) iteration / stepsPerEpoch);
        }
        return valueAt(iteration, epoch);
    }

    /** The rate at time {@code t} in the step size's unit, fractional or not. */
    public double valueAtTime(double t) {
        double s = stepSize.length();
        double cycle = Math.floor(1 + t / (2 * s));
        double x = Math.abs(t / s - 2 * cycle + 1);
        return baseLearningRate + (maxLearningRate - baseLearningRate) * Math.max(0, 1 - x) * scale(cycle, t);
    }

    private double scale(double cycle, double t) {
        return switch (mode) {
            case TRIANGULAR -> 1.0;
            case TRIANGULAR2 -> 1.0 / Math.pow(2, cycle - 1);
            case EXP_RANGE -> Math.pow(gamma, t);
        };
    }

    @Override
    public Period.Unit unit() {
        return stepSize.unit();
    }
}
