package io.fluentdl.optim;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.schedule.Constant;
import io.fluentdl.schedule.LearningRate;
import io.fluentdl.schedule.OneCycle;

/**
 * Stochastic gradient descent, plain or with classical or Nesterov momentum, fixed or scheduled.
 *
 * <pre>{@code
 * Sgd.of(0.01)                                        // plain SGD
 * Sgd.of(0.01).momentum(0.9)                          // classical (heavy-ball) momentum
 * Sgd.of(0.01).nesterov(0.9)                          // Nesterov momentum
 * Sgd.of(0.01).momentum(MomentumSchedule.of(...))     // scheduled momentum
 * Sgd.oneCycle(cycle)                                 // one-cycle: rate and momentum cycle together
 * }</pre>
 *
 * <p>Maps to DL4J: NONE → {@code Sgd}; CLASSICAL → our {@code ClassicalMomentum} updater; NESTEROV →
 * {@code Nesterovs} (whose own default lr is 0.1; ours is Keras' {@value #DEFAULT_LEARNING_RATE}). A
 * momentum schedule goes to {@code ClassicalMomentum.momentumSchedule} / {@code Nesterovs.momentumISchedule}.
 *
 * @param learningRate     the learning rate, default {@value #DEFAULT_LEARNING_RATE}
 * @param kind             NONE, CLASSICAL or NESTEROV
 * @param momentum         φ in [0, 1); 0 when {@code kind} is NONE; with a schedule, its value at step 0
 * @param momentumSchedule momentum over training, or null for the fixed {@code momentum}
 */
public record Sgd(LearningRate learningRate, Momentum kind, double momentum, MomentumSchedule momentumSchedule)
        implements Optimizer {

    /** Keras' default SGD learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    @JsonCreator
    public Sgd {
        Check.notNull("Sgd", "learningRate", learningRate);
        Check.notNull("Sgd", "kind", kind);
        Check.inHalfOpen("Sgd", "momentum", momentum, 0, 1, "");
        if (kind == Momentum.NONE && (momentum != 0 || momentumSchedule != null)) {
            throw InvalidConfigException.of("Sgd", "momentum", momentumSchedule != null ? momentumSchedule : momentum,
                    String.format("momentum must be 0 without a momentum kind, got momentum=%s, momentumSchedule=%s",
                            momentum, momentumSchedule),
                    "Use Sgd.of(lr).momentum(m) or .nesterov(m)");
        }
        if (momentumSchedule != null && momentumSchedule.initial() != momentum) {
            throw InvalidConfigException.of("Sgd", "momentum", momentum,
                    String.format("with a momentum schedule, momentum is its value at step 0, got momentum=%s, "
                            + "momentumSchedule.initial()=%s", momentum, momentumSchedule.initial()),
                    "Use Sgd.of(lr).momentum(schedule) or .nesterov(schedule)");
        }
    }

    /** A fixed momentum (or none): the form before momentum schedules existed. */
    public Sgd(LearningRate learningRate, Momentum kind, double momentum) {
        this(learningRate, kind, momentum, null);
    }

    public static Sgd of(double learningRate) {
        return of(new Constant(learningRate));
    }

    public static Sgd of(LearningRate learningRate) {
        return new Sgd(learningRate, Momentum.NONE, 0);
    }

    /** Keras' defaults: lr {@value #DEFAULT_LEARNING_RATE}, no momentum. */
    public static Sgd defaults() {
        return of(DEFAULT_LEARNING_RATE);
    }

    /**
     * One-cycle with classical momentum: the rate follows {@code cycle} and the momentum its mirror
     * ({@link OneCycle#momentumAt}), as fastai's {@code fit_one_cycle} and PyTorch's {@code OneCycleLR}.
     */
    public static Sgd oneCycle(OneCycle cycle) {
        return oneCycle(cycle, Momentum.CLASSICAL);
    }

    /** One-cycle with CLASSICAL or NESTEROV momentum cycling against the rate. */
    public static Sgd oneCycle(OneCycle cycle, Momentum kind) {
        Check.notNull("Sgd", "kind", kind);
        if (kind == Momentum.NONE) {
            throw InvalidConfigException.of("Sgd", "kind", kind,
                    "oneCycle cycles the momentum and needs kind=CLASSICAL or NESTEROV, got kind=NONE",
                    "Use Sgd.of(cycle) for one-cycle without momentum");
        }
        MomentumSchedule momentum = MomentumSchedule.oneCycle(cycle);
        return new Sgd(cycle, kind, momentum.initial(), momentum);
    }

    /** Classical (heavy-ball) momentum φ in [0, 1); 0 means plain SGD. */
    public Sgd momentum(double phi) {
        return new Sgd(learningRate, phi == 0 ? Momentum.NONE : Momentum.CLASSICAL, phi, null);
    }

    /** Classical momentum following {@code schedule}. */
    public Sgd momentum(MomentumSchedule schedule) {
        Check.notNull("Sgd", "momentumSchedule", schedule);
        return new Sgd(learningRate, Momentum.CLASSICAL, schedule.initial(), schedule);
    }

    /** Nesterov momentum μ in [0, 1). */
    public Sgd nesterov(double mu) {
        return new Sgd(learningRate, Momentum.NESTEROV, mu, null);
    }

    /** Nesterov momentum following {@code schedule}. */
    public Sgd nesterov(MomentumSchedule schedule) {
        Check.notNull("Sgd", "momentumSchedule", schedule);
        return new Sgd(learningRate, Momentum.NESTEROV, schedule.initial(), schedule);
    }

    @Override
    public String toString() {
        Object m = momentumSchedule == null ? momentum : momentumSchedule;
        return switch (kind) {
            case NONE -> String.format("SGD(lr=%s)", learningRate);
            case CLASSICAL -> String.format("SGD(lr=%s, momentum=%s)", learningRate, m);
            case NESTEROV -> String.format("SGD(lr=%s, nesterov=%s)", learningRate, m);
        };
    }
}
