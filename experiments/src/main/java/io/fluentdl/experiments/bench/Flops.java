package io.fluentdl.experiments.bench;

/**
 * Floating-point operations of a dense network, counted from its layer widths: each weight is one
 * multiply-add (2 FLOPs) per example in the forward pass, and training costs about three forward
 * passes (forward, gradient with respect to the inputs, gradient with respect to the weights).
 * Biases, activations, batch norm and the updater are left out: they are O(units), not
 * O(units²), and under 1% here.
 */
public final class Flops {

    /** Training ≈ this many forward passes. */
    public static final int TRAINING_FACTOR = 3;

    private Flops() {
    }

    /** FLOPs of one example's forward pass through dense layers of these widths (input first). */
    public static long forwardPerExample(int... widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException(String.format("need at least 2 widths (input and output), got %d", widths.length));
        }
        long flops = 0;
        for (int i = 1; i < widths.length; i++) {
            flops += 2L * widths[i - 1] * widths[i];
        }
        return flops;
    }

    /** FLOPs of one example's training step (forward and backward). */
    public static long trainingPerExample(int... widths) {
        return TRAINING_FACTOR * forwardPerExample(widths);
    }

    /** FLOPs of an m x k by k x n matrix product. */
    public static double gemm(long m, long n, long k) {
        return 2.0 * m * n * k;
    }

    /** GFLOP/s achieved at {@code examplesPerSecond} with {@code flopsPerExample}. */
    public static double gflops(double examplesPerSecond, long flopsPerExample) {
        return examplesPerSecond * flopsPerExample / 1e9;
    }
}
