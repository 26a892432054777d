package io.fluentdl.schedule;

import io.fluentdl.errors.Check;

/**
 * Step decay: the rate drops by a constant factor every fixed period.
 *
 * <p>{@code a_t = a_0 · factor^floor(t / k)}, with {@code t} counted in the period's unit. The
 * classic "divide by 10 every 30 epochs" schedule (He et al. 2016), and Keras'
 * {@code ExponentialDecay(staircase=True)}.
 *
 * <pre>{@code
 * LearningRate lr = StepDecay.of(0.1, 0.1, Period.epochs(30));   // 0.1, then 0.01 at epoch 30, ...
 * }</pre>
 *
 * <p>Maps to DL4J: {@code StepSchedule(scheduleType, initialValue, decayRate=factor, step=k)}.
 *
 * @param initialLearningRate the rate until the first drop, {@code > 0}
 * @param factor              the multiplier at each drop, in {@code (0, 1]}
 * @param every               the time between drops ({@code k}), in iterations or epochs
 */
public record StepDecay(double initialLearningRate, double factor, Period every) implements LearningRate, Clocked {

    public StepDecay {
        Check.positive("StepDecay", "initialLearningRate", initialLearningRate);
        Rule.factor("StepDecay", "factor", factor);
        Check.notNull("StepDecay", "every", every);
    }

    /** Multiplies {@code initialLearningRate} by {@code factor} at the end of each {@code every}. */
    public static StepDecay of(double initialLearningRate, double factor, Period every) {
        return new StepDecay(initialLearningRate, factor, every);
    }

    @Override
    public double valueAt(long iteration, long epoch) {
        long t = every.clock(iteration, epoch);
        return initialLearningRate * Math.pow(factor, Math.floorDiv(t, every.length()));
    }

    @Override
    public Period.Unit unit() {
        return every.unit();
    }
}
