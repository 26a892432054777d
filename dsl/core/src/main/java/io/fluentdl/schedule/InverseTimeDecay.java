package io.fluentdl.schedule;

import io.fluentdl.errors.Check;

/**
 * Inverse-time decay: the rate falls like {@code 1/t}, fast at first and ever more slowly.
 *
 * <p>{@code a_t = a_0 / (1 + decayRate · t / T)^power}. With {@code power = 1} this is Keras'
 * {@code InverseTimeDecay}; Caffe's and DL4J's "inv" policy {@code a_0 / (1 + γt)^p} is the case
 * {@code γ = decayRate / T}. Decays of this form satisfy the Robbins–Monro conditions for
 * {@code 0.5 < power <= 1}.
 *
 * <pre>{@code
 * LearningRate lr = InverseTimeDecay.of(0.1, 0.5, Period.epochs(1));          // 0.1 / (1 + 0.5 t)
 * LearningRate caffe = InverseTimeDecay.of(0.01, 1e-4, Period.iterations(1)).power(0.75);
 * }</pre>
 *
 * <p>Maps to DL4J: {@code InverseSchedule(scheduleType, initialValue, gamma=decayRate/T, power)}.
 *
 * @param initialLearningRate the rate at {@code t = 0}, {@code > 0}
 * @param decayRate           how much the denominator grows per period, {@code >= 0}
 * @param decayPeriod         the period {@code T}, in iterations or epochs
 * @param power               the exponent {@code p}, {@code > 0}; default {@value #DEFAULT_POWER}
 */
public record InverseTimeDecay(double initialLearningRate, double decayRate, Period decayPeriod, double power)
        implements LearningRate, Clocked {

    /** Keras' {@code InverseTimeDecay} has no power: it is 1. */
    public static final double DEFAULT_POWER = 1.0;

    public InverseTimeDecay {
        Check.positive("InverseTimeDecay", "initialLearningRate", initialLearningRate);
        Check.nonNegative("InverseTimeDecay", "decayRate", decayRate);
        Check.notNull("InverseTimeDecay", "decayPeriod", decayPeriod);
        Check.positive("InverseTimeDecay", "power", power);
    }

    /** Keras' form {@code a_0 / (1 + decayRate · t / T)}. */
    public static InverseTimeDecay of(double initialLearningRate, double decayRate, Period decayPeriod) {
        return new InverseTimeDecay(initialLearningRate, decayRate, decayPeriod, DEFAULT_POWER);
    }

    /** The same schedule with exponent {@code power}. */
    public InverseTimeDecay power(double power) {
        return new InverseTimeDecay(initialLearningRate, decayRate, decayPeriod, power);
    }

    @Override
    public double valueAt(long iteration, long epoch) {
        double t = decayPeriod.clock(iteration, epoch);
        return initialLearningRate / Math.pow(1 + decayRate * t / decayPeriod.length(), power);
    }

    /** DL4J's per-unit {@code gamma}: {@code decayRate / T}. */
    public double gammaPerUnit() {
        return decayRate / decayPeriod.length();
    }

    @Override
    public Period.Unit unit() {
        return decayPeriod.unit();
    }
}
