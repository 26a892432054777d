package io.fluentdl.schedule;

import io.fluentdl.errors.Check;

/**
 * A fixed learning rate.
 *
 * <p>Maps to DL4J: the updater's plain {@code learningRate} field (no {@code ISchedule}).
 *
 * @param value the rate, {@code > 0}
 */
public record Constant(double value) implements LearningRate {

    public Constant {
        Check.positive("Constant", "learningRate", value);
    }

    @Override
    public double valueAt(long iteration, long epoch) {
        return value;
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
