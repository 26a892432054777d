package io.fluentdl.internal.dl4j.schedule;

import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J form of {@link io.fluentdl.schedule.Warmup}: a linear ramp from {@code from} to
 * {@code after}'s first value over {@code length} units, then {@code after} with its clock shifted by
 * {@code length} in this schedule's unit (the other counter passes through).
 *
 * <p>Holds {@code after} as a plain {@link ISchedule}, so it wraps DL4J's own schedules too;
 * {@code ISchedule}'s {@code @class} type property makes the nested schedule round-trip.
 * Unlike DL4J's {@code RampSchedule} it starts at {@code from}, shifts the clock and serialises.
 */
public final class WarmupSchedule implements ISchedule {

    private final ScheduleType scheduleType;
    private final long length;
    private final double from;
    private final ISchedule after;

    public WarmupSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                          @JsonProperty("length") long length,
                          @JsonProperty("from") double from,
                          @JsonProperty("after") ISchedule after) {
        if (scheduleType == null || length < 1 || !(from >= 0) || after == null) {
            throw new IllegalArgumentException(String.format(
                    "WarmupSchedule needs scheduleType, length >= 1, from >= 0, after; got scheduleType=%s, length=%d, from=%s, after=%s",
                    scheduleType, length, from, after));
        }
        this.scheduleType = scheduleType;
        this.length = length;
        this.from = from;
        this.after = after;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        long t = scheduleType == ScheduleType.ITERATION ? iteration : epoch;
        if (t >= length) {
            return afterAt(iteration, epoch, t - length);
        }
        double target = afterAt(iteration, epoch, 0);
        return from + ((double) t / length) * (target - from);
    }

    private double afterAt(int iteration, int epoch, long shifted) {
        return scheduleType == ScheduleType.ITERATION
                ? after.valueAt((int) shifted, epoch)
                : after.valueAt(iteration, (int) shifted);
    }

    @Override
    public ISchedule clone() {
        return new WarmupSchedule(scheduleType, length, from, after.clone());
    }

    public ScheduleType getScheduleType() {
        return scheduleType;
    }

    public long getLength() {
        return length;
    }

    public double getFrom() {
        return from;
    }

    public ISchedule getAfter() {
        return after;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WarmupSchedule w && w.scheduleType == scheduleType && w.length == length
                && Double.compare(w.from, from) == 0 && w.after.equals(after);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheduleType, length, from, after);
    }

    @Override
    public String toString() {
        return String.format("WarmupSchedule(%s, length=%d, from=%s, after=%s)", scheduleType, length, from, after);
    }
}
