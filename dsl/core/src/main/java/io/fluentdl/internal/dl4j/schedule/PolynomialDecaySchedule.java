package io.fluentdl.internal.dl4j.schedule;

import io.fluentdl.schedule.PolynomialDecay;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J form of {@link PolynomialDecay} (and of {@code LinearDecay}, the case {@code power = 1}):
 * {@code (initialValue − endValue) · (1 − t/decaySteps)^power + endValue}, then {@code endValue}.
 * Unlike DL4J's {@code PolySchedule}, this decays.
 */
public final class PolynomialDecaySchedule extends SpecSchedule<PolynomialDecay> {

    public PolynomialDecaySchedule(PolynomialDecay spec) {
        super(spec);
    }

    public PolynomialDecaySchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                                   @JsonProperty("initialValue") double initialValue,
                                   @JsonProperty("endValue") double endValue,
                                   @JsonProperty("decaySteps") long decaySteps,
                                   @JsonProperty("power") double power) {
        this(new PolynomialDecay(initialValue, endValue, period(scheduleType, decaySteps), power));
    }

    public ScheduleType getScheduleType() {
        return typeOf(spec().decayPeriod());
    }

    public double getInitialValue() {
        return spec().initialLearningRate();
    }

    public double getEndValue() {
        return spec().endLearningRate();
    }

    public long getDecaySteps() {
        return spec().decayPeriod().length();
    }

    public double getPower() {
        return spec().power();
    }
}
