package io.fluentdl.internal.dl4j.schedule;

import io.fluentdl.schedule.OneCycle;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J form of {@link OneCycle#momentumAt(long, long)}: momentum {@code max → base → max}, mirroring
 * the rate. In DL4J M2.1 only {@code Nesterovs} accepts it ({@code new Nesterovs(lrSchedule,
 * momentumSchedule)}); the other updaters have no momentum schedule.
 */
public final class OneCycleMomentumSchedule extends OneCycleSchedule {

    public OneCycleMomentumSchedule(OneCycle spec) {
        super(spec);
    }

    public OneCycleMomentumSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                                    @JsonProperty("maxValue") double maxValue,
                                    @JsonProperty("total") long total,
                                    @JsonProperty("pctStart") double pctStart,
                                    @JsonProperty("divFactor") double divFactor,
                                    @JsonProperty("finalDivFactor") double finalDivFactor,
                                    @JsonProperty("anneal") OneCycle.Anneal anneal,
                                    @JsonProperty("baseMomentum") double baseMomentum,
                                    @JsonProperty("maxMomentum") double maxMomentum) {
        super(scheduleType, maxValue, total, pctStart, divFactor, finalDivFactor, anneal, baseMomentum, maxMomentum);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return spec().momentumAt(iteration, epoch);
    }
}
