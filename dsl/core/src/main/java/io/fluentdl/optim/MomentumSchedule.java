package io.fluentdl.optim;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.schedule.LearningRate;
import io.fluentdl.schedule.OneCycle;

/**
 * Momentum that changes over training, for {@link Sgd}'s classical or Nesterov momentum: one-cycle's
 * cyclical momentum (Smith 2018), or the values of any schedule spec.
 *
 * <p>Cyclical momentum moves opposite to the rate: high momentum while the rate is small, low while it
 * peaks. {@link Sgd#oneCycle(OneCycle)} sets both from one {@link OneCycle}.
 *
 * <pre>{@code
 * Sgd.of(cycle).nesterov(MomentumSchedule.oneCycle(cycle))               // = Sgd.oneCycle(cycle, NESTEROV)
 * Sgd.of(0.01).momentum(MomentumSchedule.of(                             // 0.5 → 0.99 over 10 epochs
 *         Warmup.linear(Period.epochs(10), 0.5).then(0.99)))
 * }</pre>
 *
 * <p>Maps to DL4J: an {@code ISchedule} in {@code Nesterovs.momentumISchedule} or in our
 * {@code ClassicalMomentum.momentumSchedule}; DL4J calls it with the same (iteration, epoch) as the
 * rate's schedule.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MomentumSchedule.OneCycleMomentum.class, name = "one-cycle"),
        @JsonSubTypes.Type(value = MomentumSchedule.Values.class, name = "values"),
})
public sealed interface MomentumSchedule permits MomentumSchedule.OneCycleMomentum, MomentumSchedule.Values {

    /** Momentum at a 0-based iteration and epoch. */
    double valueAt(long iteration, long epoch);

    /** Momentum at the start of training. */
    default double initial() {
        return valueAt(0, 0);
    }

    /** One-cycle's momentum: {@code maxMomentum → baseMomentum → maxMomentum} on the rate's clock. */
    static MomentumSchedule oneCycle(OneCycle cycle) {
        return new OneCycleMomentum(cycle);
    }

    /**
     * Momentum following the values of a schedule spec (a warm-up, a step or linear change...). Its values
     * must stay in [0, 1); the value at step 0 is checked here.
     */
    static MomentumSchedule of(LearningRate values) {
        return new Values(values);
    }

    /** {@link OneCycle#momentumAt(long, long)} of {@code cycle}. */
    record OneCycleMomentum(OneCycle cycle) implements MomentumSchedule {
        public OneCycleMomentum {
            Check.notNull("MomentumSchedule", "cycle", cycle);
        }

        @Override
        public double valueAt(long iteration, long epoch) {
            return cycle.momentumAt(iteration, epoch);
        }
    }

    /** The values of {@code values}, read as momentum. */
    record Values(LearningRate values) implements MomentumSchedule {
        public Values {
            Check.notNull("MomentumSchedule", "values", values);
            if (values instanceof OneCycle cycle) {
                // its valueAt is the learning rate: almost surely a slip for one-cycle's momentum
                throw InvalidConfigException.of("MomentumSchedule", "values", cycle,
                        String.format("a OneCycle's values are learning rates, not momentum, got values=%s", cycle),
                        "Use MomentumSchedule.oneCycle(cycle), or Sgd.oneCycle(cycle)");
            }
            Check.inHalfOpen("MomentumSchedule", "momentum", values.initial(), 0, 1, " at step 0");
        }

        @Override
        public double valueAt(long iteration, long epoch) {
            return values.valueAt(iteration, epoch);
        }
    }
}
