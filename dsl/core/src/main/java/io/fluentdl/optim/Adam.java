package io.fluentdl.optim;

import io.fluentdl.errors.Check;
import io.fluentdl.schedule.Constant;
import io.fluentdl.schedule.LearningRate;

/**
 * Adam (Kingma &amp; Ba 2015) and its variants: AdaMax, Nadam (Dozat 2016) and AMSGrad (Reddi et al. 2018),
 * which share Adam's parameters.
 *
 * <pre>{@code
 * Adam.of(1e-3)                                   // Keras defaults otherwise
 * Adam.of(CosineRestarts.peak(1e-3)...)           // scheduled
 * Adam.of(1e-3).variant(Adam.Variant.AMSGRAD)
 * }</pre>
 *
 * <p>Maps to DL4J: {@code Adam} / {@code AdaMax} / {@code Nadam} / {@code AMSGrad} with every field set
 * (DL4J's epsilon default is 1e-8, Keras' {@value #DEFAULT_EPSILON}).
 *
 * @param learningRate default {@value #DEFAULT_LEARNING_RATE}
 * @param beta1        first-moment decay in [0, 1), default {@value #DEFAULT_BETA1}
 * @param beta2        second-moment decay in [0, 1), default {@value #DEFAULT_BETA2}
 * @param epsilon      &gt; 0, default {@value #DEFAULT_EPSILON}
 * @param variant      ADAM, ADAMAX, NADAM or AMSGRAD
 */
public record Adam(LearningRate learningRate, double beta1, double beta2, double epsilon, Variant variant)
        implements Optimizer {

    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    /** Keras' epsilon (DL4J: 1e-8). */
    public static final double DEFAULT_EPSILON = 1e-7;

    /** Adam and the variants that share its parameters. */
    public enum Variant { ADAM, ADAMAX, NADAM, AMSGRAD }

    public Adam {
        Check.notNull("Adam", "learningRate", learningRate);
        Check.inHalfOpen("Adam", "beta1", beta1, 0, 1, "");
        Check.inHalfOpen("Adam", "beta2", beta2, 0, 1, "");
        Check.positive("Adam", "epsilon", epsilon);
        Check.notNull("Adam", "variant", variant);
    }

    public static Adam of(double learningRate) {
        return of(new Constant(learningRate));
    }

    public static Adam of(LearningRate learningRate) {
        return new Adam(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, Variant.ADAM);
    }

    public static Adam defaults() {
        return of(DEFAULT_LEARNING_RATE);
    }

    public Adam beta1(double value) {
        return new Adam(learningRate, value, beta2, epsilon, variant);
    }

    public Adam beta2(double value) {
        return new Adam(learningRate, beta1, value, epsilon, variant);
    }

    public Adam epsilon(double value) {
        return new Adam(learningRate, beta1, beta2, value, variant);
    }

    public Adam variant(Variant value) {
        return new Adam(learningRate, beta1, beta2, epsilon, value);
    }

    @Override
    public String toString() {
        return String.format("%s(lr=%s, beta1=%s, beta2=%s, epsilon=%s)", variant, learningRate, beta1, beta2, epsilon);
    }
}
