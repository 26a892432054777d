package io.fluentdl.internal.dl4j.schedule;

import io.fluentdl.schedule.CosineRestarts;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/** DL4J form of {@link CosineRestarts}, SGDR (Loshchilov &amp; Hutter 2016, eq. (5)). */
public final class CosineRestartsSchedule extends SpecSchedule<CosineRestarts> {

    public CosineRestartsSchedule(CosineRestarts spec) {
        super(spec);
    }

    public CosineRestartsSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                                  @JsonProperty("peak") double peak,
                                  @JsonProperty("firstPeriod") long firstPeriod,
                                  @JsonProperty("periodMultiplier") double periodMultiplier,
                                  @JsonProperty("peakMultiplier") double peakMultiplier,
                                  @JsonProperty("minValue") double minValue) {
        this(new CosineRestarts(peak, period(scheduleType, firstPeriod), periodMultiplier, peakMultiplier, minValue));
    }

    public ScheduleType getScheduleType() {
        return typeOf(spec().firstPeriod());
    }

    public double getPeak() {
        return spec().peak();
    }

    public long getFirstPeriod() {
        return spec().firstPeriod().length();
    }

    public double getPeriodMultiplier() {
        return spec().periodMultiplier();
    }

    public double getPeakMultiplier() {
        return spec().peakMultiplier();
    }

    public double getMinValue() {
        return spec().minLearningRate();
    }
}
