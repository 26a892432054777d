package io.fluentdl.internal.dl4j.fast;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code c = op(a)·op(b)} by one {@code cblas_sgemm}/{@code cblas_dgemm} call on the arrays' memory, as PyTorch
 * calls its BLAS. {@code Nd4j.gemm} runs libnd4j's {@code matmul} custom op, which costs about 0.15 ms of CPU per
 * call besides the product (measured with {@code fluentdl bench --gemm-probe}: 0.2 ms for a 1.3 MFLOP product
 * that OpenBLAS does in 0.03 ms) and up to twice the CPU time of the same OpenBLAS call on the step's larger
 * products at batch 128.
 *
 * <p>Column-major BLAS sees a C-order matrix as its transpose, so a C-order result is computed as
 * {@code cᵀ = op(b)ᵀ·op(a)ᵀ}, and each operand's transpose flag flips when its order differs from the one the
 * call works in. Only plain 2-d arrays of one floating type whose rows or columns are contiguous take this path
 * on ND4J's CPU backend with its OpenBLAS; anything else (views with other strides, half precision, CUDA, no
 * OpenBLAS preset on the class path) goes to {@code Nd4j.gemm}.
 */
public final class DirectGemm {

    /** Whether this process runs ND4J's CPU backend with JavaCPP's OpenBLAS preset (checked once). */
    private static final boolean AVAILABLE = available();

    private DirectGemm() {
    }

    private static boolean available() {
        if (Boolean.getBoolean("fluentdl.gemm.nd4j")) {
            return false; // opt-out: every GEMM through Nd4j.gemm, as before (for comparisons)
        }
        try {
            Class.forName("org.bytedeco.openblas.global.openblas_nolapack");
            return Nd4j.getBackend().getClass().getName().equals("org.nd4j.linalg.cpu.nativecpu.CpuBackend");
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** {@code c = op(a)·op(b)}, {@code op} transposing where {@code ta}/{@code tb}; c is overwritten. */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb) {
        if (!AVAILABLE || !direct(a, b, c)) {
            Nd4j.gemm(a, b, c, ta, tb, 1.0, 0.0);
            return;
        }
        boolean cColumnMajor = c.ordering() == 'f';
        // column-major: c = op(a)·op(b); C order: cᵀ = op(b)ᵀ·op(a)ᵀ
        INDArray first = cColumnMajor ? a : b;
        INDArray second = cColumnMajor ? b : a;
        boolean firstT = cColumnMajor ? ta : !tb;
        boolean secondT = cColumnMajor ? tb : !ta;
        int m = (int) (cColumnMajor ? c.rows() : c.columns());
        int n = (int) (cColumnMajor ? c.columns() : c.rows());
        int k = (int) (ta ? a.rows() : a.columns());
        if (c.dataType() == DataType.FLOAT) {
            sgemm(first, second, c, m, n, k, flag(first, firstT), flag(second, secondT));
        } else {
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasColMajor, flag(first, firstT), flag(second, secondT), m, n, k, 1.0,
                    doubles(first), ld(first), doubles(second), ld(second), 0.0, doubles(c), ld(c));
        }
    }

    /** The float product in column-major terms, {@code c = op(first)·op(second)}, c being m x n; split in two where {@link #splits}. */
    private static void sgemm(INDArray first, INDArray second, INDArray c, int m, int n, int k, int opFirst, int opSecond) {
        FloatPointer f = floats(first);
        FloatPointer sp = floats(second);
        FloatPointer cp = floats(c);
        int ldf = ld(first);
        int lds = ld(second);
        int ldc = ld(c);
        if (splits(m, n, k) && n >= m) {
            // c's columns [0, half) here, [half, n) on the worker: each half reads half of op(second), the larger operand
            int half = n / 2;
            FloatPointer s2 = offset(sp, half, opSecond == openblas_nolapack.CblasNoTrans ? lds : 1);
            FloatPointer c2 = offset(cp, half, ldc);
            if (GemmWorker.runPair(() -> sgemm(opFirst, opSecond, m, half, k, f, ldf, sp, lds, cp, ldc),
                    () -> sgemm(opFirst, opSecond, m, n - half, k, f, ldf, s2, lds, c2, ldc))) {
                return;
            }
        } else if (splits(m, n, k)) {
            // c's rows [0, half) here, [half, m) on the worker: each half reads half of op(first), the larger operand
            int half = m / 2;
            FloatPointer f2 = offset(f, half, opFirst == openblas_nolapack.CblasNoTrans ? 1 : ldf);
            FloatPointer c2 = offset(cp, half, 1);
            if (GemmWorker.runPair(() -> sgemm(opFirst, opSecond, half, n, k, f, ldf, sp, lds, cp, ldc),
                    () -> sgemm(opFirst, opSecond, m - half, n, k, f2, ldf, sp, lds, c2, ldc))) {
                return;
            }
        }
        sgemm(opFirst, opSecond, m, n, k, f, ldf, sp, lds, cp, ldc);
    }

    /**
     * Whether to split a product of {@code m·n·k} multiply-adds in two halves on two threads ({@link GemmWorker}): with
     * two or more GEMM threads ({@link #threads}) and OpenBLAS's pool held at 1 ({@link #ownPool}), at least {@value #SPLIT_MIN_MACS} multiply-adds and 32 rows or columns a half.
     */
    static boolean splits(int m, int n, int k) {
        return poolOfOne && threads >= 2 && (long) m * n * k >= SPLIT_MIN_MACS && Math.max(m, n) >= 64;
    }

    /**
     * Below this many multiply-adds (2^20) a GEMM runs whole on one thread: the output layer's products at batch 128
     * (0.7M, 15-30 µs). Measured in training on the bench machine (2 cores, a VM): with the worker kept spinning
     * through the training ({@link #ownPool}), batch-128 steps ran 1.1-1.35x faster split than whole, batch-1024 steps
     * 1.07x; with a worker that parked between steps, splitting a batch-128 step was no faster (waking it cost what
     * the half saved).
     */
    static final long SPLIT_MIN_MACS = 1L << 20;

    /** GEMM threads: with 2 or more the large products split in two ({@link #setThreads}). */
    private static volatile int threads = 1;

    /** Whether this process' OpenBLAS pool is 1 thread, so that two threads may call it at once ({@link #ownPool}). */
    private static volatile boolean poolOfOne;

    /**
     * Sets the GEMM threads for this process: with 2 or more, on ND4J's CPU backend with OpenBLAS, each large product
     * runs as two halves on two threads, each half one OpenBLAS call on one thread, while {@link #ownPool} holds
     * OpenBLAS's own pool at 1 thread (two callers on a pool of 2 fight over it). Called by {@code NativeThreads},
     * which owns the process' thread settings.
     */
    public static void setThreads(int n) {
        threads = Math.max(1, n);
    }

    /** Whether products may split in two: 2 or more GEMM threads ({@link #setThreads}) on the CPU backend with OpenBLAS. */
    public static boolean canSplit() {
        return AVAILABLE && threads >= 2;
    }

    /**
     * Marks OpenBLAS's pool as 1 thread (true), so that products split, or as its own size again (false); the split's
     * worker thread spins, never parks, in between. Setting the pool costs 0.2-0.3 ms (measured), so
     * {@code NativeThreads} sets it once per training, not per product.
     */
    public static void ownPool(boolean one) {
        poolOfOne = one;
        GemmWorker.stayAwake(one);
    }

    private static void sgemm(int opFirst, int opSecond, int m, int n, int k, FloatPointer first, int ldFirst, FloatPointer second,
                              int ldSecond, FloatPointer c, int ldc) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasColMajor, opFirst, opSecond, m, n, k, 1f, first, ldFirst, second, ldSecond,
                0f, c, ldc);
    }

    /** {@code p} moved on by {@code count} steps of {@code stride} elements. */
    private static FloatPointer offset(FloatPointer p, int count, long stride) {
        return new FloatPointer(p).position(p.position() + count * stride);
    }

    /** Whether the three arrays can go to BLAS as they lie: 2-d, one float type, a contiguous dimension, sizes below 2^31. */
    static boolean direct(INDArray a, INDArray b, INDArray c) {
        DataType type = c.dataType();
        return (type == DataType.FLOAT || type == DataType.DOUBLE) && a.dataType() == type && b.dataType() == type
                && blasLayout(a) && blasLayout(b) && blasLayout(c);
    }

    /** A 2-d matrix whose memory BLAS can read: unit stride along one dimension, a leading dimension along the other. */
    private static boolean blasLayout(INDArray x) {
        if (x.rank() != 2 || x.length() >= Integer.MAX_VALUE || x.isEmpty()) {
            return false;
        }
        long rows = x.rows();
        long cols = x.columns();
        return x.ordering() == 'f'
                ? (x.stride(0) == 1 || cols == 1) && x.stride(1) >= Math.max(1, rows)
                : (x.stride(1) == 1 || rows == 1) && x.stride(0) >= Math.max(1, cols);
    }

    /** The transpose flag for {@code x} in a column-major call that wants {@code op(x)} transposed or not. */
    private static int flag(INDArray x, boolean transposed) {
        // a C-order matrix is its transpose to column-major BLAS
        boolean t = x.ordering() == 'f' ? transposed : !transposed;
        return t ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
    }

    /** Leading dimension: the stride between columns (F order) or rows (C order), at least 1. */
    private static int ld(INDArray x) {
        long ld = x.ordering() == 'f' ? x.stride(1) : x.stride(0);
        long min = x.ordering() == 'f' ? x.rows() : x.columns();
        return (int) Math.max(1, Math.max(ld, min));
    }

    /**
     * The array's first element. A view's buffer is itself a view whose pointer starts at the buffer's own offset
     * ({@code data().offset()}), which {@code x.offset()} counts too (pinned by {@code DirectGemmTest}).
     */
    private static FloatPointer floats(INDArray x) {
        Pointer p = x.data().addressPointer();
        return new FloatPointer(p).position(p.position() + x.offset() - x.data().offset());
    }

    private static DoublePointer doubles(INDArray x) {
        Pointer p = x.data().addressPointer();
        return new DoublePointer(p).position(p.position() + x.offset() - x.data().offset());
    }
}
