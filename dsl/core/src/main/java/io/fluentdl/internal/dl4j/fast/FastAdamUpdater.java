package io.fluentdl.internal.dl4j.fast;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * DL4J's Adam step with libnd4j's {@code adam_updater} arithmetic, as one loop in Java over the arrays' memory.
 * libnd4j's op took 5 ms of CPU per step over the bench MLP's 669,706 parameters (1 and 2 OpenMP threads alike:
 * a scalar loop, square root and division per element), where the same loop over Java arrays, which the JIT
 * vectorizes, takes 0.3-0.4 ms and PyTorch's Adam about 1-2 ms ({@code fluentdl bench --gemm-probe}). The moments live where DL4J keeps them (the updater's state view), so saving, loading and
 * switching engines see the same state.
 *
 * <p>Float arithmetic in libnd4j's order: {@code m = β1·m + g·(1−β1)}, {@code v = β2·v + g·g·(1−β2)},
 * {@code g = m·α / (√v + ε)} with {@code α = lr·√(1−β2^t) / (1−β1^t)}, {@code t} the iteration + 1. Other
 * types and non-contiguous arrays take DL4J's path.
 */
public final class FastAdamUpdater extends AdamUpdater {

    public FastAdamUpdater(Adam config) {
        super(config);
    }

    /** A fast updater with {@code dl4j}'s configuration and state arrays (the same arrays, not copies). */
    static FastAdamUpdater of(AdamUpdater dl4j) {
        FastAdamUpdater fast = new FastAdamUpdater(dl4j.getConfig());
        fast.setM(dl4j.getM());
        fast.setV(dl4j.getV());
        fast.setGradientReshapeOrder(dl4j.getGradientReshapeOrder());
        return fast;
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        INDArray m = getM();
        INDArray v = getV();
        if (m == null || v == null || m.length() != gradient.length() || v.length() != gradient.length()
                || !NativeFloats.contiguous(gradient, m, v)) {
            super.applyUpdater(gradient, iteration, epoch);
            return;
        }
        Adam config = getConfig();
        step(NativeFloats.buffer(gradient), NativeFloats.buffer(m), NativeFloats.buffer(v), (int) gradient.length(),
                (float) config.getBeta1(), (float) config.getBeta2(), (float) config.getEpsilon(), stepSize(config, iteration, epoch));
    }

    /** libnd4j's bias-corrected step size {@code α = lr·√(1−β2^t) / (1−β1^t)}, {@code t} the iteration + 1. */
    static float stepSize(Adam config, int iteration, int epoch) {
        float lr = (float) config.getLearningRate(iteration, epoch);
        float beta1 = (float) config.getBeta1();
        float beta2 = (float) config.getBeta2();
        float epsilon = (float) config.getEpsilon();
        float t = (float) iteration + 1;
        float beta1T = (float) Math.pow(beta1, t);
        float beta2T = (float) Math.pow(beta2, t);
        // as libnd4j: the bias corrections in double, the step size rounded to float
        float alpha = (float) (lr * (float) Math.sqrt((float) (1.0 - beta2T)) / (1.0 - beta1T));
        if (Float.isNaN(alpha) || Float.isInfinite(alpha) || alpha == 0) {
            alpha = epsilon;
        }
        return alpha;
    }

    /** The element-wise step; {@code g} becomes the update ({@link UpdateKernels#adam}, no parameters, no division). */
    static void step(FloatBuffer g, FloatBuffer m, FloatBuffer v, int n, float beta1, float beta2, float epsilon, float alpha) {
        UpdateKernels.adam(g, m, v, null, 0, 0, 0, n, 1f, beta1, beta2, epsilon, alpha);
    }
}
