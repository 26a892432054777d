package io.fluentdl.schedule;

import io.fluentdl.errors.Check;

/**
 * Polynomial decay to an end rate, then flat (Keras {@code PolynomialDecay}, {@code cycle=False}).
 *
 * <p>{@code a_t = (a_0 − a_end) · (1 − t/T)^power + a_end} for {@code t <= T}, {@code a_end} after.
 * {@code power = 1} is {@link LinearDecay}; {@code power > 1} drops fast early, {@code power < 1}
 * holds the rate up and drops late (the "poly" policy of DeepLab uses 0.9). Unlike DL4J's
 * {@code PolySchedule}, which computes {@code a_0 · (1 + t/T)^p} and so <em>rises</em>, this decays.
 *
 * <pre>{@code
 * LearningRate lr = PolynomialDecay.of(0.01, 1e-4, Period.iterations(10_000)).power(0.9);
 * }</pre>
 *
 * <p>Maps to DL4J: our {@code PolynomialDecaySchedule} ({@code io.fluentdl.internal.dl4j.schedule}).
 *
 * @param initialLearningRate {@code a_0}, {@code > 0}
 * @param endLearningRate     {@code a_end}, {@code >= 0} and below {@code a_0}
 * @param decayPeriod         {@code T}, how long the decay lasts, in iterations or epochs
 * @param power               the exponent, {@code > 0}; default {@value #DEFAULT_POWER}
 */
public record PolynomialDecay(double initialLearningRate, double endLearningRate, Period decayPeriod, double power)
        implements LearningRate, Clocked {

    /** Keras' default power. */
    public static final double DEFAULT_POWER = 1.0;

    public PolynomialDecay {
        Check.positive("PolynomialDecay", "initialLearningRate", initialLearningRate);
        Check.nonNegative("PolynomialDecay", "endLearningRate", endLearningRate);
        Check.notNull("PolynomialDecay", "decayPeriod", decayPeriod);
        Check.positive("PolynomialDecay", "power", power);
        Rule.require(endLearningRate < initialLearningRate, "PolynomialDecay", "endLearningRate", endLearningRate,
                "endLearningRate must be below initialLearningRate, got endLearningRate=%s, initialLearningRate=%s",
                endLearningRate, initialLearningRate);
    }

    /** From {@code initialLearningRate} to {@code endLearningRate} over {@code decayPeriod}, power {@value #DEFAULT_POWER}. */
    public static PolynomialDecay of(double initialLearningRate, double endLearningRate, Period decayPeriod) {
        return new PolynomialDecay(initialLearningRate, endLearningRate, decayPeriod, DEFAULT_POWER);
    }

    /** The same schedule with exponent {@code power}. */
    public PolynomialDecay power(double power) {
        return new PolynomialDecay(initialLearningRate, endLearningRate, decayPeriod, power);
    }

    @Override
    public double valueAt(long iteration, long epoch) {
        long t = Math.min(decayPeriod.clock(iteration, epoch), decayPeriod.length());
        double remaining = 1 - (double) t / decayPeriod.length();
        return (initialLearningRate - endLearningRate) * Math.pow(remaining, power) + endLearningRate;
    }

    @Override
    public Period.Unit unit() {
        return decayPeriod.unit();
    }
}
