package io.fluentdl.internal.dl4j.schedule;

import io.fluentdl.schedule.OneCycle;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J form of {@link OneCycle}'s learning rate. The momentum half is {@link OneCycleMomentumSchedule}
 * with the same parameters; both are kept here so the JSON names one complete policy.
 */
public class OneCycleSchedule extends SpecSchedule<OneCycle> {

    public OneCycleSchedule(OneCycle spec) {
        super(spec);
    }

    public OneCycleSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                            @JsonProperty("maxValue") double maxValue,
                            @JsonProperty("total") long total,
                            @JsonProperty("pctStart") double pctStart,
                            @JsonProperty("divFactor") double divFactor,
                            @JsonProperty("finalDivFactor") double finalDivFactor,
                            @JsonProperty("anneal") OneCycle.Anneal anneal,
                            @JsonProperty("baseMomentum") double baseMomentum,
                            @JsonProperty("maxMomentum") double maxMomentum) {
        this(new OneCycle(maxValue, period(scheduleType, total), pctStart, divFactor, finalDivFactor, anneal,
                baseMomentum, maxMomentum));
    }

    public ScheduleType getScheduleType() {
        return typeOf(spec().total());
    }

    public double getMaxValue() {
        return spec().maxLearningRate();
    }

    public long getTotal() {
        return spec().total().length();
    }

    public double getPctStart() {
        return spec().pctStart();
    }

    public double getDivFactor() {
        return spec().divFactor();
    }

    public double getFinalDivFactor() {
        return spec().finalDivFactor();
    }

    public OneCycle.Anneal getAnneal() {
        return spec().anneal();
    }

    public double getBaseMomentum() {
        return spec().baseMomentum();
    }

    public double getMaxMomentum() {
        return spec().maxMomentum();
    }
}
