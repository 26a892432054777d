package io.fluentdl.internal.dl4j;

import io.fluentdl.internal.dl4j.fast.DirectGemm;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's OpenMP thread pool, which is process-wide: one number for every model in the JVM.
 *
 * <p>A search with W parallel trials cannot give each trial its own pool; it sets the shared one so
 * that W trials together use about the machine's cores: {@code max(1, cores / W)} threads per op,
 * never more than {@code OMP_NUM_THREADS} when that is set (the {@code fluentdl} launcher sets 1,
 * the fastest setting measured on 2 cores).
 *
 * <p>BLAS threads (OpenBLAS, which runs the GEMMs) are a second, separate pool: a training that owns the
 * machine gets every core for its GEMMs ({@link #defaultBlasOnce()}, called by {@code Model.fit}), while W
 * search workers get {@code cores / W} each ({@link #limitFor}). Measured on 2 cores: README, Performance.
 * {@code OPENBLAS_NUM_THREADS}, when set, wins.
 *
 * <p>Maps to ND4J: {@code Nd4j.getEnvironment().setMaxThreads / setMaxMasterThreads},
 * {@code Nd4j.factory().blas().setMaxThreads}.
 */
public final class NativeThreads {

    /** OpenBLAS's pool size while {@link #fastGemms} holds it at 1, else 0. */
    private static int ownedPool;

    /** Whether someone (a search, the bench, a first fit) chose the BLAS threads already. */
    private static volatile boolean blasChosen;

    private NativeThreads() {
    }

    /** BLAS threads for one of {@code workers} concurrent trainings on {@code cores}: {@code envLimit} when set (> 0), else the cores shared out. */
    public static int blasPerTrial(int workers, int cores, int envLimit) {
        return envLimit > 0 ? envLimit : Math.max(1, cores / Math.max(1, workers));
    }

    /** Sets the BLAS pool for {@code workers} concurrent trainings on this machine and returns the number used. */
    public static int blasFor(int workers) {
        int n = blasPerTrial(workers, Runtime.getRuntime().availableProcessors(), envInt("OPENBLAS_NUM_THREADS"));
        setBlas(n);
        return n;
    }

    /** Sets the BLAS pool to exactly {@code n} threads (the bench's {@code --blas-threads}). */
    public static void setBlas(int n) {
        Nd4j.factory().blas().setMaxThreads(n);
        DirectGemm.setThreads(n);
        blasChosen = true;
    }

    /**
     * For the length of a FAST engine's training: OpenBLAS's pool at 1 thread while FluentDL's GEMMs split themselves
     * over the BLAS threads ({@code DirectGemm}), restored on {@code close()}. DL4J's own layers (STOCK) keep
     * OpenBLAS's pool. A no-op with 1 BLAS thread, off the CPU backend, or inside another such scope.
     */
    public static synchronized Scope fastGemms() {
        if (!DirectGemm.canSplit() || ownedPool > 0) {
            return () -> { };
        }
        int pool = currentBlas();
        Nd4j.factory().blas().setMaxThreads(1);
        DirectGemm.ownPool(true);
        ownedPool = pool;
        return NativeThreads::releaseGemms;
    }

    /** A setting held until {@code close()}. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static synchronized void releaseGemms() {
        DirectGemm.ownPool(false);
        Nd4j.factory().blas().setMaxThreads(ownedPool);
        ownedPool = 0;
    }

    /** A training nobody configured owns the machine: all cores for its GEMMs, once per process. */
    public static void defaultBlasOnce() {
        if (!blasChosen) {
            blasFor(1);
        }
    }

    /** ND4J's current BLAS threads. */
    public static int currentBlas() {
        return Nd4j.factory().blas().getMaxThreads();
    }

    private static int envInt(String name) {
        String env = System.getenv(name);
        if (env == null) {
            return 0;
        }
        try {
            return Integer.parseInt(env.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Threads per op for {@code workers} concurrent trials on {@code cores} cores, capped by {@code ompLimit} (0 = none). */
    public static int perTrial(int workers, int cores, int ompLimit) {
        int share = Math.max(1, cores / Math.max(1, workers));
        return ompLimit > 0 ? Math.min(share, ompLimit) : share;
    }

    /**
     * Sets ND4J's pool and the BLAS pool for {@code workers} concurrent trials on this machine and returns
     * the number of ND4J threads used.
     */
    public static int limitFor(int workers) {
        int n = perTrial(workers, Runtime.getRuntime().availableProcessors(), envInt("OMP_NUM_THREADS"));
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        blasFor(workers);
        return n;
    }

    /** ND4J's current threads per op. */
    public static int current() {
        return Nd4j.getEnvironment().maxThreads();
    }
}
