package io.fluentdl.internal.dl4j.fast;

import java.nio.FloatBuffer;

/**
 * {@link FastDense}'s bias and ReLU as Java loops, row by row through heap arrays ({@link NativeFloats}), in place
 * of three libnd4j op calls per layer and step (bias add, ReLU, ReLU's derivative; 40-115 µs of CPU each on the
 * bench's 128x512 activations). The same float operations as libnd4j's: {@code z + b}, then {@code z < 0 ? 0 : z}
 * (libnd4j's ReLU, which keeps -0 and NaN as they are), and {@code a > 0 ? ε : 0} for the derivative.
 */
final class DenseKernels {

    private DenseKernels() {
    }

    /** {@code z = relu(z + bias)} in place, over {@code n} rows of {@code units}. */
    static void biasRelu(FloatBuffer z, int n, int units, float[] bias) {
        float[] row = new float[units];
        for (int r = 0; r < n; r++) {
            int at = r * units;
            z.get(at, row, 0, units);
            for (int j = 0; j < units; j++) {
                float v = row[j] + bias[j];
                row[j] = v < 0 ? 0f : v;
            }
            z.put(at, row, 0, units);
        }
    }

    /** {@code delta = a > 0 ? ε : 0}: ReLU's derivative read from its output {@code a}. */
    static void reluGradient(FloatBuffer a, FloatBuffer epsilon, FloatBuffer delta, int n, int units) {
        float[] as = new float[units];
        float[] e = new float[units];
        for (int r = 0; r < n; r++) {
            int at = r * units;
            a.get(at, as, 0, units);
            epsilon.get(at, e, 0, units);
            for (int j = 0; j < units; j++) {
                e[j] = as[j] > 0 ? e[j] : 0f;
            }
            delta.put(at, e, 0, units);
        }
    }
}
