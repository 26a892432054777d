package io.fluentdl.internal.dl4j;

import io.fluentdl.internal.dl4j.schedule.CosineRestartsSchedule;
import io.fluentdl.internal.dl4j.schedule.CyclicalSchedule;
import io.fluentdl.internal.dl4j.schedule.OneCycleMomentumSchedule;
import io.fluentdl.internal.dl4j.schedule.OneCycleSchedule;
import io.fluentdl.internal.dl4j.schedule.PolynomialDecaySchedule;
import io.fluentdl.internal.dl4j.schedule.WarmupSchedule;
import io.fluentdl.schedule.Constant;
import io.fluentdl.schedule.CosineRestarts;
import io.fluentdl.schedule.Cyclical;
import io.fluentdl.schedule.ExponentialDecay;
import io.fluentdl.schedule.InverseTimeDecay;
import io.fluentdl.schedule.LearningRate;
import io.fluentdl.schedule.LinearDecay;
import io.fluentdl.schedule.OneCycle;
import io.fluentdl.schedule.Period;
import io.fluentdl.schedule.PolynomialDecay;
import io.fluentdl.schedule.StepDecay;
import io.fluentdl.schedule.Warmup;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * Turns a {@link LearningRate} into DL4J's form: {@code null} for a fixed rate, else an {@link ISchedule}.
 *
 * <p>Where DL4J's own schedule computes the same formula it is used (step, exponential, inverse-time);
 * the others are ours, in {@code internal.dl4j.schedule}. Updaters pass the result to DL4J's
 * {@code learningRateSchedule}; {@link #momentumToDl4j(OneCycle)} gives {@code Nesterovs} its
 * {@code momentumSchedule}.
 */
public final class ScheduleTranslator {

    private ScheduleTranslator() {
    }

    /** The DL4J schedule, or {@code null} when the rate is fixed (use {@link LearningRate#initial()}). */
    public static ISchedule toDl4j(LearningRate rate) {
        if (rate instanceof Constant) {
            return null;
        }
        return toSchedule(rate);
    }

    /** Like {@link #toDl4j(LearningRate)}, but a fixed rate becomes a DL4J {@link FixedSchedule}, never {@code null}. */
    public static ISchedule toSchedule(LearningRate rate) {
        if (rate instanceof Constant constant) {
            return new FixedSchedule(constant.value());
        }
        if (rate instanceof Dl4jSchedule wrapped) {
            return wrapped.schedule();
        }
        if (rate instanceof StepDecay s) {
            return new StepSchedule(type(s.every()), s.initialLearningRate(), s.factor(), s.every().length());
        }
        if (rate instanceof ExponentialDecay e) {
            return new ExponentialSchedule(type(e.decayPeriod()), e.initialLearningRate(), e.gammaPerUnit());
        }
        if (rate instanceof InverseTimeDecay i) {
            return new InverseSchedule(type(i.decayPeriod()), i.initialLearningRate(), i.gammaPerUnit(), i.power());
        }
        if (rate instanceof LinearDecay l) {
            return new PolynomialDecaySchedule(
                    new PolynomialDecay(l.initialLearningRate(), l.endLearningRate(), l.decayPeriod(), 1.0));
        }
        if (rate instanceof PolynomialDecay p) {
            return new PolynomialDecaySchedule(p);
        }
        if (rate instanceof Cyclical c) {
            return new CyclicalSchedule(c);
        }
        if (rate instanceof CosineRestarts c) {
            return new CosineRestartsSchedule(c);
        }
        if (rate instanceof OneCycle o) {
            return new OneCycleSchedule(o);
        }
        if (rate instanceof Warmup w) {
            return new WarmupSchedule(type(w.duration()), w.duration().length(), w.from(), toSchedule(w.after()));
        }
        throw new IllegalArgumentException(String.format(
                "No DL4J translation for learning rate %s (%s)", rate, rate.getClass().getSimpleName()));
    }

    /**
     * One-cycle's momentum, {@code maxMomentum → baseMomentum → maxMomentum}, for DL4J updaters that take
     * a momentum schedule. In DL4J M2.1 that is {@code Nesterovs} only:
     * {@code new Nesterovs(toDl4j(oneCycle), momentumToDl4j(oneCycle))}.
     */
    public static ISchedule momentumToDl4j(OneCycle oneCycle) {
        return new OneCycleMomentumSchedule(oneCycle);
    }

    private static ScheduleType type(Period period) {
        return period.unit() == Period.Unit.ITERATIONS ? ScheduleType.ITERATION : ScheduleType.EPOCH;
    }
}
