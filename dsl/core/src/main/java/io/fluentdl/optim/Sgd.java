package io.fluentdl.optim;

import io.fluentdl.errors.Check;
import io.fluentdl.schedule.Constant;
import io.fluentdl.schedule.LearningRate;

/**
 * Stochastic gradient descent, plain or with classical or Nesterov momentum.
 *
 * <pre>{@code
 * Sgd.of(0.01)                  // plain SGD
 * Sgd.of(0.01).momentum(0.9)    // classical (heavy-ball) momentum
 * Sgd.of(0.01).nesterov(0.9)    // Nesterov momentum
 * }</pre>
 *
 * <p>Maps to DL4J: NONE → {@code Sgd}; CLASSICAL → our {@code ClassicalMomentum} updater; NESTEROV →
 * {@code Nesterovs} (whose own default lr is 0.1; ours is Keras' {@value #DEFAULT_LEARNING_RATE}).
 *
 * @param learningRate the learning rate, default {@value #DEFAULT_LEARNING_RATE}
 * @param kind         NONE, CLASSICAL or NESTEROV
 * @param momentum     φ in [0, 1); 0 when {@code kind} is NONE
 */
public record Sgd(LearningRate learningRate, Momentum kind, double momentum) implements Optimizer {

    /** Keras' default SGD learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    public Sgd {
        Check.notNull("Sgd", "learningRate", learningRate);
        Check.notNull("Sgd", "kind", kind);
        Check.inHalfOpen("Sgd", "momentum", momentum, 0, 1, "");
        if (kind == Momentum.NONE && momentum != 0) {
            throw io.fluentdl.errors.InvalidConfigException.of("Sgd", "momentum", momentum,
                    String.format("momentum must be 0 without a momentum kind, got momentum=%s", momentum),
                    "Use Sgd.of(lr).momentum(m) or .nesterov(m)");
        }
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

    /** Classical (heavy-ball) momentum φ in [0, 1); 0 means plain SGD. */
    public Sgd momentum(double phi) {
        return new Sgd(learningRate, phi == 0 ? Momentum.NONE : Momentum.CLASSICAL, phi);
    }

    /** Nesterov momentum μ in [0, 1). */
    public Sgd nesterov(double mu) {
        return new Sgd(learningRate, Momentum.NESTEROV, mu);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> String.format("SGD(lr=%s)", learningRate);
            case CLASSICAL -> String.format("SGD(lr=%s, momentum=%s)", learningRate, momentum);
            case NESTEROV -> String.format("SGD(lr=%s, nesterov=%s)", learningRate, momentum);
        };
    }
}
