package io.fluentdl.schedule;

import io.fluentdl.errors.InvalidConfigException;

/**
 * A length of training time in an explicit unit: iterations (mini-batches) or epochs.
 *
 * <p>Every schedule counts in the unit of its period, so {@code Period.epochs(10)} makes a schedule
 * move once per epoch and {@code Period.iterations(10)} once per mini-batch. The clock is 0-based:
 * the first mini-batch is iteration 0 of epoch 0.
 *
 * <pre>{@code
 * LearningRate lr = StepDecay.of(0.1, 0.5, Period.epochs(10));   // halve every 10 epochs
 * }</pre>
 *
 * <p>Maps to DL4J: {@code ScheduleType.ITERATION} / {@code ScheduleType.EPOCH}.
 *
 * @param length how many units, {@code >= 1}
 * @param unit   iterations or epochs
 */
public record Period(long length, Unit unit) {

    /** The unit a schedule counts in. */
    public enum Unit {
        /** Mini-batches (DL4J's {@code ScheduleType.ITERATION}). */
        ITERATIONS,
        /** Passes over the training set (DL4J's {@code ScheduleType.EPOCH}). */
        EPOCHS
    }

    public Period {
        if (unit == null) {
            throw InvalidConfigException.of("Period", "unit", null, "unit must not be null", "");
        }
        if (length < 1) {
            throw InvalidConfigException.of("Period", "length", length,
                    String.format("length must be >= 1, got length=%d", length), "");
        }
    }

    /** {@code n} mini-batches. */
    public static Period iterations(long n) {
        return new Period(n, Unit.ITERATIONS);
    }

    /** {@code n} passes over the training set. */
    public static Period epochs(long n) {
        return new Period(n, Unit.EPOCHS);
    }

    /** The counter this period's unit reads: {@code iteration} or {@code epoch}. */
    public long clock(long iteration, long epoch) {
        return unit == Unit.ITERATIONS ? iteration : epoch;
    }

    @Override
    public String toString() {
        return String.format("%s(%d)", unit == Unit.ITERATIONS ? "iterations" : "epochs", length);
    }
}
