package io.fluentdl.experiments.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Estimates the machine's achievable FP32 peak with a short probe: large square SGEMMs through
 * ND4J (hence OpenBLAS, with the threads and core type this process runs with), best of a few.
 * all cores. This is the achievable BLAS peak, below the FMA units' theoretical peak (on the 2-core
 * AVX-512 VM: 2 cores x 2 FMA x 16 lanes x 2 FLOPs x ~3.9 GHz ~ 494 GFLOP/s), and a busy machine
 * lowers it; {@code --peak-gflops} overrides it.
 */
public final class PeakProbe {

    private PeakProbe() {
    }

    /**
     * @param n       matrix side (2048 takes ~0.1 s per product at 150 GFLOP/s)
     * @param repeats products timed; the fastest counts
     * @return GFLOP/s of the fastest product
     */
    public static double sgemmGflops(int n, int repeats) {
        // all cores for the probe (the peak is the machine's), then back to this process' settings
        int threads = Nd4j.getEnvironment().maxThreads();
        int blasThreads = Nd4j.factory().blas().getMaxThreads();
        int cores = Runtime.getRuntime().availableProcessors();
        Nd4j.getEnvironment().setMaxThreads(cores);
        Nd4j.factory().blas().setMaxThreads(cores);
        try {
            return probe(n, repeats);
        } finally {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.factory().blas().setMaxThreads(blasThreads);
        }
    }

    private static double probe(int n, int repeats) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0); // warm-up: thread pools, page faults
        double best = Double.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return Flops.gemm(n, n, n) / best / 1e9;
    }
}
