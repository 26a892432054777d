package io.fluentdl.internal.dl4j.schedule;

import io.fluentdl.schedule.LearningRate;
import io.fluentdl.schedule.Period;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * A DL4J {@link ISchedule} that evaluates one of our immutable specs, so the formula lives in one place
 * (the spec's {@code valueAt}) and DL4J sees exactly the values our plots and tests see.
 *
 * <p>Subclasses take their parameters through a {@code @JsonProperty} constructor (ND4J's shaded
 * Jackson, as DL4J's own schedules do) and expose them through getters, which is what DL4J writes
 * into the network's JSON; the spec itself is not serialised. Instances are immutable, hence
 * stateless in DL4J's sense, and {@link #clone()} returns {@code this}.
 *
 * @param <S> the spec type
 */
public abstract class SpecSchedule<S extends LearningRate> implements ISchedule {

    private final S spec;

    protected SpecSchedule(S spec) {
        this.spec = spec;
    }

    /** The spec this schedule evaluates. Not a getter on purpose: DL4J's JSON holds the parameters. */
    public S spec() {
        return spec;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return spec.valueAt(iteration, epoch);
    }

    @Override
    public ISchedule clone() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && spec.equals(((SpecSchedule<?>) o).spec);
    }

    @Override
    public int hashCode() {
        return getClass().hashCode() * 31 + spec.hashCode();
    }

    @Override
    public String toString() {
        return String.format("%s(%s)", getClass().getSimpleName(), spec);
    }

    static ScheduleType typeOf(Period period) {
        return period.unit() == Period.Unit.ITERATIONS ? ScheduleType.ITERATION : ScheduleType.EPOCH;
    }

    static Period period(ScheduleType type, long length) {
        if (type == null) {
            throw new IllegalArgumentException("scheduleType is missing from the schedule's JSON");
        }
        return type == ScheduleType.ITERATION ? Period.iterations(length) : Period.epochs(length);
    }
}
