package io.fluentdl.internal.dl4j.fast;

import java.nio.FloatBuffer;

/**
 * {@link FastBatchNorm}'s passes over the activations as Java loops, row by row through heap arrays (see
 * {@link NativeFloats}). The element-wise passes do the float operations of the libnd4j ops they replace in the
 * same order (one rounding per multiply and per add, no fused multiply-add), so they give the same bits; the
 * batch statistics sum row after row, which libnd4j's reductions do in another order (last-bit differences).
 */
final class BatchNormKernels {

    private BatchNormKernels() {
    }

    /** {@code out = x·scale + shift}, per unit, over {@code n} rows of {@code units}. */
    static void scaleShift(FloatBuffer x, FloatBuffer out, int n, int units, float[] scale, float[] shift) {
        float[] row = new float[units];
        for (int r = 0; r < n; r++) {
            int at = r * units;
            x.get(at, row, 0, units);
            for (int j = 0; j < units; j++) {
                row[j] = row[j] * scale[j] + shift[j];
            }
            out.put(at, row, 0, units);
        }
    }

    /** The biased variance per column, {@code Σ (x − mean)² / n}, over {@code n} rows of {@code units}. */
    static float[] columnVariances(FloatBuffer x, int n, int units, float[] mean) {
        float[] sums = new float[units];
        float[] row = new float[units];
        for (int r = 0; r < n; r++) {
            x.get(r * units, row, 0, units);
            for (int j = 0; j < units; j++) {
                float d = row[j] - mean[j];
                sums[j] += d * d;
            }
        }
        for (int j = 0; j < units; j++) {
            sums[j] /= n;
        }
        return sums;
    }

    /** {@code dx = ε·a + x·b + c}, per unit, summed left to right as libnd4j's three ops do. */
    static void inputGradient(FloatBuffer epsilon, FloatBuffer x, FloatBuffer dx, int n, int units, float[] a, float[] b, float[] c) {
        float[] e = new float[units];
        float[] xs = new float[units];
        for (int r = 0; r < n; r++) {
            int at = r * units;
            epsilon.get(at, e, 0, units);
            x.get(at, xs, 0, units);
            for (int j = 0; j < units; j++) {
                e[j] = e[j] * a[j] + xs[j] * b[j] + c[j];
            }
            dx.put(at, e, 0, units);
        }
    }
}
