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
        int opFirst = flag(first, firstT);
        int opSecond = flag(second, secondT);
        int col = openblas_nolapack.CblasColMajor;
        if (c.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(col, opFirst, opSecond, m, n, k, 1f, floats(first), ld(first), floats(second),
                    ld(second), 0f, floats(c), ld(c));
        } else {
            openblas_nolapack.cblas_dgemm(col, opFirst, opSecond, m, n, k, 1.0, doubles(first), ld(first), doubles(second),
                    ld(second), 0.0, doubles(c), ld(c));
        }
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
