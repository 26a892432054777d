package io.fluentdl.internal.dl4j;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fluentdl.schedule.LearningRate;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Escape hatch: any DL4J {@link ISchedule} used as a learning rate, for users who already have one.
 * DL4J's schedules take (iteration, epoch) as ints; ours pass them through unchanged.
 */
public record Dl4jSchedule(@JsonIgnore ISchedule schedule) implements LearningRate {

    @Override
    public double valueAt(long iteration, long epoch) {
        return schedule.valueAt((int) iteration, (int) epoch);
    }

    /** DL4J's own JSON of the schedule, so provenance records what was used. */
    public String getDl4jJson() {
        return schedule.toString();
    }

    @Override
    public String toString() {
        return String.format("Dl4jSchedule(%s)", schedule);
    }

}
