package io.fluentdl.internal.dl4j;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's OpenMP thread pool, which is process-wide: one number for every model in the JVM.
 *
 * <p>A search with W parallel trials cannot give each trial its own pool; it sets the shared one so
 * that W trials together use about the machine's cores: {@code max(1, cores / W)} threads per op,
 * never more than {@code OMP_NUM_THREADS} when that is set (the {@code fluentdl} launcher sets 1,
 * the fastest setting measured on 2 cores).
 *
 * <p>Maps to ND4J: {@code Nd4j.getEnvironment().setMaxThreads / setMaxMasterThreads}.
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    /** Threads per op for {@code workers} concurrent trials on {@code cores} cores, capped by {@code ompLimit} (0 = none). */
    public static int perTrial(int workers, int cores, int ompLimit) {
        int share = Math.max(1, cores / Math.max(1, workers));
        return ompLimit > 0 ? Math.min(share, ompLimit) : share;
    }

    /**
     * Sets ND4J's pool for {@code workers} concurrent trials on this machine and returns the number used.
     */
    public static int limitFor(int workers) {
        int omp = 0;
        String env = System.getenv("OMP_NUM_THREADS");
        if (env != null) {
            try {
                omp = Integer.parseInt(env.trim());
            } catch (NumberFormatException e) {
                omp = 0;
            }
        }
        int n = perTrial(workers, Runtime.getRuntime().availableProcessors(), omp);
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        return n;
    }

    /** ND4J's current threads per op. */
    public static int current() {
        return Nd4j.getEnvironment().maxThreads();
    }
}
