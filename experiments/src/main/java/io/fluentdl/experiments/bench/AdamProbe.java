package io.fluentdl.experiments.bench;

import io.fluentdl.experiments.bench.GemmProbe.Timing;
import io.fluentdl.internal.dl4j.fast.FastAdamUpdater;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The Adam step of the bench MLP in CPU milliseconds, three ways (part of {@code --gemm-probe}): libnd4j's fused
 * {@code adam_updater} op (DL4J's Adam), FluentDL's {@link FastAdamUpdater} (the engine's), and the same
 * arithmetic over Java arrays (what one core needs for it). PyTorch's {@code Adam.step} is timed by
 * {@code torch_gemm.py}.
 */
final class AdamProbe {

    /** The bench MLP's parameters: 784·512+512 + 512·512+512 + 512·10+10. */
    static final int PARAMETERS = 669_706;
    private static final int STEPS = 300;

    private AdamProbe() {
    }

    /** libnd4j's op over rank-1 vectors, as in a MultiLayerNetwork's updater block. */
    static Timing libnd4j(int rounds) {
        INDArray g = Nd4j.rand(DataType.FLOAT, PARAMETERS).subi(0.5);
        INDArray m = Nd4j.zeros(DataType.FLOAT, PARAMETERS);
        INDArray v = Nd4j.zeros(DataType.FLOAT, PARAMETERS);
        int[] iteration = {0};
        return time(rounds, () -> Nd4j.exec(new AdamUpdater(g, v, m, 1e-3, 0.9, 0.999, 1e-7, iteration[0]++)));
    }

    /** The engine's step on a state view as DL4J's updater block gives it one. */
    static Timing fluentdl(int rounds) {
        INDArray g = Nd4j.rand(DataType.FLOAT, 1, PARAMETERS).subi(0.5);
        FastAdamUpdater adam = new FastAdamUpdater(new Adam(1e-3, 0.9, 0.999, 1e-7));
        adam.setStateViewArray(Nd4j.zeros(DataType.FLOAT, 1, 2L * PARAMETERS), g.shape(), 'c', true);
        int[] iteration = {0};
        return time(rounds, () -> adam.applyUpdater(g, iteration[0]++, 0));
    }

    /** Adam's arithmetic (as libnd4j's helper writes it) in a plain loop over heap arrays. */
    static Timing javaArrays(int rounds) {
        float[] g = new float[PARAMETERS];
        float[] m = new float[PARAMETERS];
        float[] v = new float[PARAMETERS];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < PARAMETERS; i++) {
            g[i] = random.nextFloat() - 0.5f;
        }
        int[] step = {0};
        return time(rounds, () -> javaAdam(g, m, v, ++step[0]));
    }

    private static void javaAdam(float[] g, float[] m, float[] v, int step) {
        float b1 = 0.9f;
        float b2 = 0.999f;
        float alpha = (float) (1e-3 * Math.sqrt(1 - Math.pow(b2, step)) / (1 - Math.pow(b1, step)));
        for (int i = 0; i < g.length; i++) {
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
            g[i] = alpha * m[i] / ((float) Math.sqrt(v[i]) + 1e-7f);
        }
    }

    /** CPU and wall ms per step, medians over rounds of {@value #STEPS} steps after 5 untimed ones. */
    private static Timing time(int rounds, Runnable step) {
        double[] cpu = new double[rounds];
        double[] wall = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < 5; i++) {
                step.run();
            }
            long cpu0 = CpuClock.processNanos();
            long wall0 = System.nanoTime();
            for (int i = 0; i < STEPS; i++) {
                step.run();
            }
            wall[r] = (System.nanoTime() - wall0) / 1e6 / STEPS;
            cpu[r] = (CpuClock.processNanos() - cpu0) / 1e6 / STEPS;
        }
        return new Timing(GemmProbe.median(cpu), GemmProbe.median(wall));
    }
}
