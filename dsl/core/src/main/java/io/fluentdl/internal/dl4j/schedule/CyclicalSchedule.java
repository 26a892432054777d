package io.fluentdl.internal.dl4j.schedule;

import io.fluentdl.schedule.Cyclical;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/** DL4J form of {@link Cyclical} (Smith 2017): triangular, triangular2 or exp_range. */
public final class CyclicalSchedule extends SpecSchedule<Cyclical> {

    public CyclicalSchedule(Cyclical spec) {
        super(spec);
    }

    public CyclicalSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                            @JsonProperty("mode") Cyclical.Mode mode,
                            @JsonProperty("baseValue") double baseValue,
                            @JsonProperty("maxValue") double maxValue,
                            @JsonProperty("stepSize") long stepSize,
                            @JsonProperty("gamma") double gamma) {
        this(new Cyclical(mode, baseValue, maxValue, period(scheduleType, stepSize), gamma));
    }

    public ScheduleType getScheduleType() {
        return typeOf(spec().stepSize());
    }

    public Cyclical.Mode getMode() {
        return spec().mode();
    }

    public double getBaseValue() {
        return spec().baseLearningRate();
    }

    public double getMaxValue() {
        return spec().maxLearningRate();
    }

    public long getStepSize() {
        return spec().stepSize().length();
    }

    public double getGamma() {
        return spec().gamma();
    }
}
