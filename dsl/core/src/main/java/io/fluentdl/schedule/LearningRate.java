package io.fluentdl.schedule;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A learning rate over training: a fixed number or a schedule. Immutable values; the translator
 * turns each into a stateless DL4J {@code ISchedule} that serialises with the network.
 *
 * <p>{@link #valueAt(long, long)} is the formula itself, used for plots and tests; DL4J's optimiser
 * calls the translated schedule with the same (iteration, epoch) pair, both counted from 0.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Constant.class, name = "constant"),
        @JsonSubTypes.Type(value = StepDecay.class, name = "step"),
        @JsonSubTypes.Type(value = ExponentialDecay.class, name = "exponential"),
        @JsonSubTypes.Type(value = InverseTimeDecay.class, name = "inverse-time"),
        @JsonSubTypes.Type(value = LinearDecay.class, name = "linear"),
        @JsonSubTypes.Type(value = PolynomialDecay.class, name = "polynomial"),
        @JsonSubTypes.Type(value = Cyclical.class, name = "cyclical"),
        @JsonSubTypes.Type(value = CosineRestarts.class, name = "cosine-restarts"),
        @JsonSubTypes.Type(value = Warmup.class, name = "warmup"),
        @JsonSubTypes.Type(value = OneCycle.class, name = "one-cycle"),
})
public interface LearningRate {

    /** The rate at a 0-based iteration (mini-batch) and epoch. */
    double valueAt(long iteration, long epoch);

    /**
     * The rate at an iteration when every epoch has {@code stepsPerEpoch} mini-batches. Schedules that
     * count in epochs and ramp or cycle ({@link Warmup}, {@link Cyclical}) then move every step, at
     * fractional epochs {@code iteration / stepsPerEpoch}, as Keras and PyTorch warm-ups do; the others
     * equal {@link #valueAt(long, long)}. {@code Model.fit} gives DL4J this resolution.
     */
    default double valueAt(long iteration, long epoch, int stepsPerEpoch) {
        return valueAt(iteration, epoch);
    }

    /** The rate at the start of training. */
    default double initial() {
        return valueAt(0, 0);
    }

    /** A fixed learning rate. */
    static LearningRate constant(double value) {
        return new Constant(value);
    }
}
