package io.fluentdl.optim;

import io.fluentdl.errors.Check;
import io.fluentdl.schedule.Constant;
import io.fluentdl.schedule.LearningRate;

/**
 * RMSProp (Hinton 2012): divide the gradient by a running root-mean-square of recent gradients.
 *
 * <p>Maps to DL4J: {@code RmsProp(learningRate, rmsDecay = rho, epsilon)}. DL4J's defaults are lr 0.1 and
 * decay 0.95; ours are Keras' ({@value #DEFAULT_LEARNING_RATE}, rho {@value #DEFAULT_RHO}).
 *
 * @param learningRate default {@value #DEFAULT_LEARNING_RATE}
 * @param rho          decay of the squared-gradient average in [0, 1), default {@value #DEFAULT_RHO}
 * @param epsilon      &gt; 0, default {@value #DEFAULT_EPSILON}
 */
public record RmsProp(LearningRate learningRate, double rho, double epsilon) implements Optimizer {

    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPSILON = 1e-7;

    public RmsProp {
        Check.notNull("RmsProp", "learningRate", learningRate);
        Check.inHalfOpen("RmsProp", "rho", rho, 0, 1, "");
        Check.positive("RmsProp", "epsilon", epsilon);
    }

    public static RmsProp of(double learningRate) {
        return of(new Constant(learningRate));
    }

    public static RmsProp of(LearningRate learningRate) {
        return new RmsProp(learningRate, DEFAULT_RHO, DEFAULT_EPSILON);
    }

    public static RmsProp defaults() {
        return of(DEFAULT_LEARNING_RATE);
    }

    public RmsProp rho(double value) {
        return new RmsProp(learningRate, value, epsilon);
    }

    public RmsProp epsilon(double value) {
        return new RmsProp(learningRate, rho, value);
    }

    @Override
    public String toString() {
        return String.format("RMSProp(lr=%s, rho=%s, epsilon=%s)", learningRate, rho, epsilon);
    }
}
