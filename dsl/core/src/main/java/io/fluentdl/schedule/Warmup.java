package io.fluentdl.schedule;

import io.fluentdl.errors.Check;

/**
 * Linear warm-up in front of any learning rate: the rate ramps in a straight line from
 * {@code from} to the wrapped schedule's first value, then the wrapped schedule runs.
 *
 * <p>Large rates are unstable in the first iterations, before the weights and the optimiser's moment
 * estimates settle; a short ramp fixes that (Goyal et al. 2017, "Accurate, Large Minibatch SGD",
 * §2.2; Vaswani et al. 2017 for Adam). With warm-up length {@code W} and {@code t} in its unit:
 * <ul>
 *   <li>{@code t < W}: {@code a_t = from + (t / W) · (after(0) − from)};</li>
 *   <li>{@code t >= W}: {@code a_t = after(t − W)}.</li>
 * </ul>
 * In epochs, {@code Model.fit} ramps per iteration (see {@link #valueAt(long, long, int)}): the
 * formula above with {@code t} the fractional epoch.
 * <b>The wrapped schedule's clock starts when warm-up ends</b>: it sees time {@code t − W} in the
 * warm-up's unit (the other counter passes through unchanged), so a cosine of 10 epochs behind a
 * 2-epoch warm-up ends at epoch 12 and the ramp meets it exactly. Hence both must count in the same
 * unit; a fixed rate has no unit and fits any warm-up.
 *
 * <pre>{@code
 * LearningRate lr = Warmup.linear(Period.epochs(2), 0.0)
 *         .then(CosineRestarts.peak(0.1).firstPeriod(Period.epochs(10)));
 * }</pre>
 *
 * <p>Maps to DL4J: our {@code WarmupSchedule} wrapping the translated schedule (a DL4J
 * {@code FixedSchedule} for a fixed rate). DL4J's own {@code RampSchedule} cannot be used: it ramps
 * from {@code 1/W} of the base, not from {@code from}, does not shift the base's clock, and does not
 * serialise (no {@code @JsonProperty} constructor).
 *
 * @param duration {@code W}, the warm-up's length, in iterations or epochs
 * @param from     the rate at {@code t = 0}, {@code >= 0}; default {@value #DEFAULT_FROM}
 * @param after    the learning rate that follows, with its clock starting at the end of warm-up
 */
public record Warmup(Period duration, double from, LearningRate after) implements LearningRate, Clocked {

    /** Ramp from zero, as most recipes do. */
    public static final double DEFAULT_FROM = 0.0;

    public Warmup {
        Check.notNull("Warmup", "duration", duration);
        Check.nonNegative("Warmup", "from", from);
        Check.notNull("Warmup", "after", after);
        if (after instanceof Clocked clocked) {
            Rule.require(clocked.unit() == duration.unit(), "Warmup", "after", after,
                    "the warm-up and the schedule after it must count in the same unit, got duration=%s, after=%s",
                    duration, after);
        }
    }

    /** A ramp from {@value #DEFAULT_FROM} over {@code duration}; say {@code then(...)} what follows. */
    public static Start linear(Period duration) {
        return linear(duration, DEFAULT_FROM);
    }

    /** A ramp from {@code from} over {@code duration}; say {@code then(...)} what follows. */
    public static Start linear(Period duration, double from) {
        Check.notNull("Warmup", "duration", duration);
        Check.nonNegative("Warmup", "from", from);
        return new Start(duration, from);
    }

    /** The one required step after {@link #linear(Period, double)}. */
    public record Start(Period duration, double from) {
        /** The schedule that runs after warm-up, its clock starting at 0 when warm-up ends. */
        public Warmup then(LearningRate after) {
            return new Warmup(duration, from, after);
        }

        /** A fixed rate after warm-up. */
        public Warmup then(double learningRate) {
            return then(LearningRate.constant(learningRate));
        }
    }

    @Override
    public double valueAt(long iteration, long epoch) {
        long t = duration.clock(iteration, epoch);
        long w = duration.length();
        if (t >= w) {
            return afterAt(iteration, epoch, t - w);
        }
        double target = afterAt(iteration, epoch, 0);
        return from + ((double) t / w) * (target - from);
    }

    /**
     * Per step for a warm-up in epochs: the ramp rises every iteration over its {@code W · stepsPerEpoch}
     * iterations ({@code a_i = from + i / (W·stepsPerEpoch) · (after(0) − from)}), so a 1-epoch warm-up from 0
     * trains during epoch 1 and reaches the target as epoch 2 starts. The schedule after it sees both
     * clocks shifted by the warm-up.
     */
    @Override
    public double valueAt(long iteration, long epoch, int stepsPerEpoch) {
        if (duration.unit() != Period.Unit.EPOCHS || stepsPerEpoch < 1) {
            return valueAt(iteration, epoch);
        }
        long steps = duration.length() * stepsPerEpoch;
        if (iteration >= steps) {
            return after.valueAt(iteration - steps, Math.max(0, epoch - duration.length()), stepsPerEpoch);
        }
        double target = after.valueAt(0, 0, stepsPerEpoch);
        return from + ((double) iteration / steps) * (target - from);
    }

    /** The wrapped schedule at time {@code shifted} in the warm-up's unit; the other counter unchanged. */
    private double afterAt(long iteration, long epoch, long shifted) {
        return duration.unit() == Period.Unit.ITERATIONS
                ? after.valueAt(shifted, epoch)
                : after.valueAt(iteration, shifted);
    }

    @Override
    public Period.Unit unit() {
        return duration.unit();
    }
}
