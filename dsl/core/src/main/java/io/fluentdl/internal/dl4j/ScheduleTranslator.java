package io.fluentdl.internal.dl4j;

import io.fluentdl.schedule.Constant;
import io.fluentdl.schedule.LearningRate;
import org.nd4j.linalg.schedule.ISchedule;

/** Turns a {@link LearningRate} into DL4J's form: {@code null} for a fixed rate, else an {@link ISchedule}. */
public final class ScheduleTranslator {

    private ScheduleTranslator() {
    }

    /** The DL4J schedule, or {@code null} when the rate is fixed (use {@link LearningRate#initial()}). */
    public static ISchedule toDl4j(LearningRate rate) {
        if (rate instanceof Constant) {
            return null;
        }
        if (rate instanceof Dl4jSchedule wrapped) {
            return wrapped.schedule();
        }
        throw new IllegalArgumentException(String.format(
                "No DL4J translation for learning rate %s (%s)", rate, rate.getClass().getSimpleName()));
    }
}
