package io.fluentdl.schedule;

import io.fluentdl.errors.Check;

/**
 * Helpers over learning rates, for plots and reports.
 *
 * <pre>{@code
 * double[] curve = LearningRates.sample(lr, 20 * STEPS_PER_EPOCH, STEPS_PER_EPOCH);  // curve[i] = rate at iteration i
 * }</pre>
 */
public final class LearningRates {

    private LearningRates() {
    }

    /**
     * The rate at each iteration {@code 0 .. iterations − 1}, with epoch {@code = iteration / itersPerEpoch}:
     * element {@code i} is the point {@code (i, rate)}. This is the (iteration, epoch) pair DL4J passes
     * to a schedule when every epoch has {@code itersPerEpoch} mini-batches.
     *
     * @param rate          the learning rate to sample
     * @param iterations    how many iterations, {@code >= 0} and at most {@link Integer#MAX_VALUE} − 8
     * @param itersPerEpoch mini-batches per epoch, {@code >= 1}
     */
    public static double[] sample(LearningRate rate, long iterations, int itersPerEpoch) {
        Check.notNull("LearningRates.sample", "rate", rate);
        Rule.require(iterations >= 0 && iterations <= Integer.MAX_VALUE - 8, "LearningRates.sample", "iterations",
                iterations, "iterations must be in [0, %d], got iterations=%d", Integer.MAX_VALUE - 8, iterations);
        Check.atLeast("LearningRates.sample", "itersPerEpoch", itersPerEpoch, 1);
        double[] values = new double[(int) iterations];
        for (int i = 0; i < values.length; i++) {
            values[i] = rate.valueAt(i, i / itersPerEpoch, itersPerEpoch); // per step, as Model.fit runs it
        }
        return values;
    }
}
