package io.fluentdl.internal.dl4j.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fluentdl.schedule.LearningRate;
import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A learning rate evaluated per step: {@link LearningRate#valueAt(long, long, int)} with the fit's
 * mini-batches per epoch, so warm-ups and cycles counted in epochs move every iteration. DL4J only
 * passes (iteration, epoch) to a schedule and knows no epoch length, so {@code Model.fit} installs
 * this once it knows the data size and batch size.
 *
 * <p>Serialised as the spec's own JSON plus the steps per epoch, so a saved model keeps its schedule.
 */
public final class PerStepSchedule implements ISchedule {

    private static final ObjectMapper SPEC_JSON = new ObjectMapper();

    private final String learningRate;
    private final int stepsPerEpoch;
    @JsonIgnore
    private final transient LearningRate spec;

    public PerStepSchedule(@JsonProperty("learningRate") String learningRate, @JsonProperty("stepsPerEpoch") int stepsPerEpoch) {
        if (learningRate == null || stepsPerEpoch < 1) {
            throw new IllegalArgumentException(String.format(
                    "PerStepSchedule needs a learning rate and stepsPerEpoch >= 1, got learningRate=%s, stepsPerEpoch=%d",
                    learningRate, stepsPerEpoch));
        }
        this.learningRate = learningRate;
        this.stepsPerEpoch = stepsPerEpoch;
        try {
            this.spec = SPEC_JSON.readValue(learningRate, LearningRate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(String.format("PerStepSchedule: not a learning rate: %s", learningRate), e);
        }
    }

    public static PerStepSchedule of(LearningRate rate, int stepsPerEpoch) {
        try {
            return new PerStepSchedule(SPEC_JSON.writeValueAsString(rate), stepsPerEpoch);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(String.format("PerStepSchedule: cannot write %s as JSON", rate), e);
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return spec.valueAt(iteration, epoch, stepsPerEpoch);
    }

    @Override
    public ISchedule clone() {
        return this; // immutable
    }

    public String getLearningRate() {
        return learningRate;
    }

    public int getStepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** The spec it evaluates. */
    public LearningRate spec() {
        return spec;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PerStepSchedule p && p.stepsPerEpoch == stepsPerEpoch && p.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, stepsPerEpoch);
    }

    @Override
    public String toString() {
        return String.format("PerStepSchedule(%s, stepsPerEpoch=%d)", spec, stepsPerEpoch);
    }
}
