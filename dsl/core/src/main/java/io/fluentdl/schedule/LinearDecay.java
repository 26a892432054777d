package io.fluentdl.schedule;

import io.fluentdl.errors.Check;

/**
 * Linear decay to a floor: the rate falls in a straight line for {@code τ} units, then stays put.
 *
 * <p>{@code a_t = (1 − t/τ) · a_0 + (t/τ) · a_τ} for {@code t <= τ}, and {@code a_τ} after (the
 * lecture's schedule; Goodfellow, Bengio &amp; Courville 2016, §8.3.1, suggest {@code a_τ ≈ a_0/100}
 * and {@code τ} of a few hundred passes). The same curve as {@link PolynomialDecay} with power 1.
 * Do not reach for DL4J's {@code PolySchedule} for this: it computes {@code init * (1 + i / max)^p}, which rises, then drops to 0.
 *
 * <pre>{@code
 * LearningRate lr = LinearDecay.of(0.1, 0.001, Period.epochs(50));   // 0.1 → 0.001 over 50 epochs
 * }</pre>
 *
 * <p>Maps to DL4J: our {@code PolynomialDecaySchedule} with {@code power = 1}
 * ({@code io.fluentdl.internal.dl4j.schedule}).
 *
 * @param initialLearningRate {@code a_0}, the rate at {@code t = 0}, {@code > 0}
 * @param endLearningRate     {@code a_τ}, the floor, {@code >= 0} and below {@code a_0}
 * @param decayPeriod         {@code τ}, how long the decay lasts, in iterations or epochs
 */
public record LinearDecay(double initialLearningRate, double endLearningRate, Period decayPeriod)
        implements LearningRate, Clocked {

    public LinearDecay {
        Check.positive("LinearDecay", "initialLearningRate", initialLearningRate);
        Check.nonNegative("LinearDecay", "endLearningRate", endLearningRate);
        Check.notNull("LinearDecay", "decayPeriod", decayPeriod);
        Rule.require(endLearningRate < initialLearningRate, "LinearDecay", "endLearningRate", endLearningRate,
                "endLearningRate must be below initialLearningRate, got endLearningRate=%s, initialLearningRate=%s",
                endLearningRate, initialLearningRate);
    }

    /** From {@code initialLearningRate} down to {@code endLearningRate} over {@code decayPeriod}. */
    public static LinearDecay of(double initialLearningRate, double endLearningRate, Period decayPeriod) {
        return new LinearDecay(initialLearningRate, endLearningRate, decayPeriod);
    }

    @Override
    public double valueAt(long iteration, long epoch) {
        long t = decayPeriod.clock(iteration, epoch);
        if (t >= decayPeriod.length()) {
            return endLearningRate;
        }
        double alpha = (double) t / decayPeriod.length();
        return (1 - alpha) * initialLearningRate + alpha * endLearningRate;
    }

    @Override
    public Period.Unit unit() {
        return decayPeriod.unit();
    }
}
