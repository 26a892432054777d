package io.fluentdl.optim;

import io.fluentdl.errors.Check;
import io.fluentdl.schedule.Constant;
import io.fluentdl.schedule.LearningRate;

/**
 * AdaGrad (Duchi et al. 2011): per-parameter rates shrinking with the sum of squared gradients.
 *
 * <p>Maps to DL4J: {@code AdaGrad(learningRate, epsilon)}. Keras also starts the accumulator at 0.1;
 * DL4J starts it at 0 and has no such option, so the first steps are larger than in Keras.
 *
 * @param learningRate default {@value #DEFAULT_LEARNING_RATE}
 * @param epsilon      &gt; 0, default {@value #DEFAULT_EPSILON}
 */
public record AdaGrad(LearningRate learningRate, double epsilon) implements Optimizer {

    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_EPSILON = 1e-7;

    public AdaGrad {
        Check.notNull("AdaGrad", "learningRate", learningRate);
        Check.positive("AdaGrad", "epsilon", epsilon);
    }

    public static AdaGrad of(double learningRate) {
        return of(new Constant(learningRate));
    }

    public static AdaGrad of(LearningRate learningRate) {
        return new AdaGrad(learningRate, DEFAULT_EPSILON);
    }

    public static AdaGrad defaults() {
        return of(DEFAULT_LEARNING_RATE);
    }

    public AdaGrad epsilon(double value) {
        return new AdaGrad(learningRate, value);
    }

    @Override
    public String toString() {
        return String.format("AdaGrad(lr=%s, epsilon=%s)", learningRate, epsilon);
    }
}
