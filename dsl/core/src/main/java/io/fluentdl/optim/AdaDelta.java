package io.fluentdl.optim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fluentdl.errors.Check;
import io.fluentdl.schedule.Constant;
import io.fluentdl.schedule.LearningRate;

/**
 * AdaDelta (Zeiler 2012): RMSProp with a unit-correcting running average of updates, and no global
 * learning rate.
 *
 * <p>Maps to DL4J: {@code AdaDelta(rho, epsilon)}. DL4J's AdaDelta has no learning rate (it is the
 * paper's form, effectively lr = 1), unlike Keras' (default 0.001), so ours has none either.
 *
 * @param rho     decay in [0, 1), default {@value #DEFAULT_RHO}
 * @param epsilon &gt; 0, default {@value #DEFAULT_EPSILON} (the paper's and DL4J's)
 */
public record AdaDelta(double rho, double epsilon) implements Optimizer {

    public static final double DEFAULT_RHO = 0.95;
    public static final double DEFAULT_EPSILON = 1e-6;

    public AdaDelta {
        Check.inHalfOpen("AdaDelta", "rho", rho, 0, 1, "");
        Check.positive("AdaDelta", "epsilon", epsilon);
    }

    public static AdaDelta defaults() {
        return new AdaDelta(DEFAULT_RHO, DEFAULT_EPSILON);
    }

    /** Always 1: AdaDelta scales its own steps. */
    @Override
    @JsonIgnore
    public LearningRate learningRate() {
        return new Constant(1.0);
    }

    @Override
    public String toString() {
        return String.format("AdaDelta(rho=%s, epsilon=%s)", rho, epsilon);
    }
}
