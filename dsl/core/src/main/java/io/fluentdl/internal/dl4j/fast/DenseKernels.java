package io.fluentdl.internal.dl4j.fast;

import java.nio.FloatBuffer;

/**
 * {@link FastDense}'s bias, ReLU, ReLU's derivative and the bias gradient as Java loops, in chunks copied to heap
 * arrays ({@link NativeFloats}), in place of libnd4j op calls (40-115 µs of CPU each at batch 128 besides the work).
 *
 * <p>Every loop here is branch-free so that the JIT vectorizes it: {@code z < 0 ? 0 : z} compiles to a branch
 * that the CPU mispredicts half the time on pre-activations (3.1 ms per 1024x512 batch against 0.1 ms for
 * {@code Math.max}, measured on the bench machine). The results are libnd4j's except for the sign of zero (ReLU
 * of -0 is +0 here, -0 in libnd4j) and a NaN output, whose derivative is NaN here, 0 in libnd4j: neither changes
 * a sum or a parameter that is not already NaN.
 */
final class DenseKernels {

    /** Elements per chunk of the flat passes: three chunks stay in the L1 cache. */
    static final int CHUNK = 2048;
    /** 2^126 · 2^23 = 2^149: multiplies the smallest positive float up to 1 (two factors: 2^149 is no float). */
    private static final float UP_126 = 0x1p126f;
    private static final float UP_23 = 0x1p23f;

    private DenseKernels() {
    }

    /** {@code z = relu(z + bias)} in place, over {@code n} rows of {@code units}. */
    static void biasRelu(FloatBuffer z, int n, int units, float[] bias) {
        float[] row = new float[units];
        for (int r = 0; r < n; r++) {
            int at = r * units;
            z.get(at, row, 0, units);
            for (int j = 0; j < units; j++) {
                row[j] = Math.max(row[j] + bias[j], 0f);
            }
            z.put(at, row, 0, units);
        }
    }

    /** {@code out = relu(x)} over {@code length} elements. */
    static void relu(FloatBuffer x, FloatBuffer out, int length) {
        float[] c = new float[CHUNK];
        for (int start = 0; start < length; start += CHUNK) {
            int len = Math.min(CHUNK, length - start);
            x.get(start, c, 0, len);
            for (int i = 0; i < len; i++) {
                c[i] = Math.max(c[i], 0f);
            }
            out.put(start, c, 0, len);
        }
    }

    /** {@code delta = a > 0 ? ε : 0} over {@code length} elements: ReLU's derivative read from its output {@code a ≥ 0}. */
    static void reluGradient(FloatBuffer a, FloatBuffer epsilon, FloatBuffer delta, int length) {
        float[] as = new float[CHUNK];
        float[] e = new float[CHUNK];
        for (int start = 0; start < length; start += CHUNK) {
            int len = Math.min(CHUNK, length - start);
            a.get(start, as, 0, len);
            epsilon.get(start, e, 0, len);
            for (int i = 0; i < len; i++) {
                e[i] = e[i] * step(as[i]) + 0f; // + 0: ε·0 is -0 for a negative ε, libnd4j's 0 is +0
            }
            delta.put(start, e, 0, len);
        }
    }

    /** 1 for {@code a > 0}, 0 for {@code a = ±0}, without a branch: every positive float times 2^149 is at least 1. */
    private static float step(float a) {
        return Math.min(Math.max(a * UP_126 * UP_23, 0f), 1f);
    }

    /** The column sums of {@code n} rows of {@code units}, row after row (the order is the same at any batch size). */
    static float[] columnSums(FloatBuffer x, int n, int units) {
        float[] sums = new float[units];
        float[] row = new float[units];
        for (int r = 0; r < n; r++) {
            x.get(r * units, row, 0, units);
            for (int j = 0; j < units; j++) {
                sums[j] += row[j];
            }
        }
        return sums;
    }

    /** {@code Σ_rows x·y} per column, over {@code n} rows of {@code units}. */
    static float[] columnSumsOfProducts(FloatBuffer x, FloatBuffer y, int n, int units) {
        float[] sums = new float[units];
        float[] xs = new float[units];
        float[] ys = new float[units];
        for (int r = 0; r < n; r++) {
            x.get(r * units, xs, 0, units);
            y.get(r * units, ys, 0, units);
            for (int j = 0; j < units; j++) {
                sums[j] += xs[j] * ys[j];
            }
        }
        return sums;
    }
}
