package io.fluentdl.schedule;

import io.fluentdl.errors.Check;

/**
 * Exponential decay: the rate shrinks smoothly by {@code decayRate} per period.
 *
 * <p>{@code a_t = a_0 · decayRate^(t / T)} (Keras {@code ExponentialDecay}, staircase off); with
 * {@code T = 1} this is {@code a_0 · γ^t}. For a staircase use {@link StepDecay}.
 *
 * <pre>{@code
 * LearningRate lr = ExponentialDecay.of(0.01, 0.96, Period.iterations(1000));  // ×0.96 per 1000 batches
 * }</pre>
 *
 * <p>Maps to DL4J: {@code ExponentialSchedule(scheduleType, initialValue, gamma=decayRate^(1/T))}.
 *
 * @param initialLearningRate the rate at {@code t = 0}, {@code > 0}
 * @param decayRate           the multiplier per period, in {@code (0, 1]}
 * @param decayPeriod         the period {@code T} over which the rate is multiplied by {@code decayRate}
 */
public record ExponentialDecay(double initialLearningRate, double decayRate, Period decayPeriod)
        implements LearningRate, Clocked {

    public ExponentialDecay {
        Check.positive("ExponentialDecay", "initialLearningRate", initialLearningRate);
        Rule.factor("ExponentialDecay", "decayRate", decayRate);
        Check.notNull("ExponentialDecay", "decayPeriod", decayPeriod);
    }

    /** {@code a_0 · decayRate^(t / T)}. */
    public static ExponentialDecay of(double initialLearningRate, double decayRate, Period decayPeriod) {
        return new ExponentialDecay(initialLearningRate, decayRate, decayPeriod);
    }

    @Override
    public double valueAt(long iteration, long epoch) {
        double t = decayPeriod.clock(iteration, epoch);
        return initialLearningRate * Math.pow(decayRate, t / decayPeriod.length());
    }

    /** DL4J's per-unit {@code gamma}: {@code decayRate^(1/T)}. */
    public double gammaPerUnit() {
        return Math.pow(decayRate, 1.0 / decayPeriod.length());
    }

    @Override
    public Period.Unit unit() {
        return decayPeriod.unit();
    }
}
