package io.fluentdl.internal.dl4j.fast;

import java.nio.FloatBuffer;

/**
 * The optimizer step over a block of parameters as one Java pass: the division of the gradient by the batch size,
 * the optimizer's update and {@code params -= update}, which DL4J runs as three libnd4j ops over all parameters
 * (a scalar division, the updater op, the step function's subtraction; 0.25-0.45 ms each for the bench MLP's 670k
 * parameters at batch 128). Each kernel does the float operations of those ops in their order, so the parameters
 * are those DL4J computes (Adam: within 1e-6, as {@link FastAdamUpdater}), and leaves the update in the gradient
 * array, as DL4J's updater does.
 *
 * <p>Offsets index the buffers: {@code at} the parameters and their gradients (the network's flattened arrays share
 * one layout), {@code state} the optimizer's state. {@code params} may be null: then the update is computed but not
 * applied. {@code divisor} is the batch size, or 1 for parameters DL4J does not divide (batch norm's running
 * statistics). Chunks of {@link DenseKernels#CHUNK} are copied to heap arrays, where the JIT vectorizes the loop.
 */
final class UpdateKernels {

    private static final int CHUNK = DenseKernels.CHUNK;

    private UpdateKernels() {
    }

    /** Plain SGD: {@code u = (g / divisor)·lr}. */
    static void sgd(FloatBuffer g, FloatBuffer params, int at, int length, float divisor, float lr) {
        float[] gc = new float[CHUNK];
        float[] pc = new float[CHUNK];
        for (int start = 0; start < length; start += CHUNK) {
            int len = Math.min(CHUNK, length - start);
            g.get(at + start, gc, 0, len);
            for (int i = 0; i < len; i++) {
                gc[i] = gc[i] / divisor * lr;
            }
            apply(g, params, at + start, gc, pc, len);
        }
    }

    /** No updater (batch norm's running statistics): {@code u = g / divisor}, plain SGD's pass with lr 1 (times 1 is exact). */
    static void noOp(FloatBuffer g, FloatBuffer params, int at, int length, float divisor) {
        sgd(g, params, at, length, divisor, 1f);
    }

    /**
     * Nesterov momentum as libnd4j's {@code nesterovs_updater}: {@code prev = μ·v}, {@code v = prev − lr·g},
     * {@code u = prev + (−μ − 1)·v} (DL4J's sign convention: parameters step by {@code −u}).
     */
    static void nesterov(FloatBuffer g, FloatBuffer velocity, FloatBuffer params, int at, int state, int length, float divisor,
                         float lr, float momentum) {
        float momentumT = -momentum - 1;
        float[] gc = new float[CHUNK];
        float[] vc = new float[CHUNK];
        float[] pc = new float[CHUNK];
        for (int start = 0; start < length; start += CHUNK) {
            int len = Math.min(CHUNK, length - start);
            g.get(at + start, gc, 0, len);
            velocity.get(state + start, vc, 0, len);
            for (int i = 0; i < len; i++) {
                float prev = momentum * vc[i];
                float vi = prev - lr * (gc[i] / divisor);
                vc[i] = vi;
                gc[i] = prev + momentumT * vi;
            }
            velocity.put(state + start, vc, 0, len);
            apply(g, params, at + start, gc, pc, len);
        }
    }

    /**
     * Adam as libnd4j's {@code adam_updater}: {@code m = β₁·m + g·(1 − β₁)}, {@code v = β₂·v + g²·(1 − β₂)},
     * {@code u = m·α / (√v + ε)}, {@code α} the bias-corrected step size; {@code m} and {@code v} at {@code mAt} and {@code vAt}.
     */
    static void adam(FloatBuffer g, FloatBuffer m, FloatBuffer v, FloatBuffer params, int at, int mAt, int vAt, int length, float divisor,
                     float beta1, float beta2, float epsilon, float alpha) {
        float oneMinusBeta1 = 1 - beta1;
        float oneMinusBeta2 = 1 - beta2;
        float[] gc = new float[CHUNK];
        float[] mc = new float[CHUNK];
        float[] vc = new float[CHUNK];
        float[] pc = new float[CHUNK];
        for (int start = 0; start < length; start += CHUNK) {
            int len = Math.min(CHUNK, length - start);
            g.get(at + start, gc, 0, len);
            m.get(mAt + start, mc, 0, len);
            v.get(vAt + start, vc, 0, len);
            for (int i = 0; i < len; i++) {
                float gi = gc[i] / divisor;
                float mi = beta1 * mc[i] + gi * oneMinusBeta1;
                float vi = beta2 * vc[i] + gi * gi * oneMinusBeta2;
                mc[i] = mi;
                vc[i] = vi;
                gc[i] = (mi * alpha) / ((float) Math.sqrt(vi) + epsilon);
            }
            m.put(mAt + start, mc, 0, len);
            v.put(vAt + start, vc, 0, len);
            apply(g, params, at + start, gc, pc, len);
        }
    }

    /** Writes the update {@code u} back over the gradient and, when there are parameters, {@code params -= u}. */
    private static void apply(FloatBuffer g, FloatBuffer params, int at, float[] u, float[] pc, int len) {
        g.put(at, u, 0, len);
        if (params != null) {
            params.get(at, pc, 0, len);
            for (int i = 0; i < len; i++) {
                pc[i] = pc[i] - u[i];
            }
            params.put(at, pc, 0, len);
        }
    }
}
