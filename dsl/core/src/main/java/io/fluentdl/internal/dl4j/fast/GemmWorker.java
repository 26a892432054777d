package io.fluentdl.internal.dl4j.fast;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One daemon thread that runs the second half of a {@link DirectGemm} split in two, while the calling thread runs
 * the first. It spins between tasks for {@link #SPIN_NANOS} (a training step's element-wise work between two GEMMs
 * is shorter) and then parks, so an idle process costs no CPU.
 *
 * <p>Why not OpenBLAS's own threads: on the bench machine (2 cores) a batch-128 step's GEMMs took as long with
 * OpenBLAS's 2 threads as with 1 (0.62 against 0.41 ms for the 512x512 weight gradient, 0.18 against 0.03 ms for the
 * output layer's product), though 2 threads are 1.4x faster when the same GEMM repeats back to back: between the
 * step's GEMMs its threads go cold. One caller at a time: a second thread calling while the worker is busy runs its
 * GEMM whole on its own thread.
 */
final class GemmWorker {

    /** How long the worker spins for the next task before it parks. */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private static final GemmWorker INSTANCE = new GemmWorker();

    private final ReentrantLock caller = new ReentrantLock();
    private final Thread thread;
    private volatile Runnable task;
    private volatile boolean parked;
    private volatile Throwable failure;
    /** While true the worker never parks ({@link #stayAwake}). */
    private volatile boolean awake;

    private GemmWorker() {
        thread = new Thread(this::loop, "fluentdl-gemm");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code mine} here and {@code theirs} on the worker, and returns when both are done; false, having run
     * neither, when another thread holds the worker (the caller then runs both itself).
     */
    static boolean runPair(Runnable mine, Runnable theirs) {
        return INSTANCE.pair(mine, theirs);
    }

    private boolean pair(Runnable mine, Runnable theirs) {
        if (!caller.tryLock()) {
            return false;
        }
        try {
            failure = null;
            task = theirs;
            if (parked) {
                LockSupport.unpark(thread);
            }
            Throwable own = null;
            try {
                mine.run();
            } catch (Throwable t) {
                own = t;
            }
            while (task != null) {
                Thread.onSpinWait();
            }
            Throwable other = failure;
            if (own != null || other != null) {
                throw rethrow(own != null ? own : other);
            }
            return true;
        } finally {
            caller.unlock();
        }
    }

    /**
     * While a training runs, keeps the worker spinning between tasks instead of parking after {@link #SPIN_NANOS}: on
     * the bench machine (a VM) waking a parked thread took long enough that a step's one split (the optimizer's pass)
     * was slower than no split at all.
     */
    static void stayAwake(boolean on) {
        INSTANCE.awake = on;
        if (on && INSTANCE.parked) {
            LockSupport.unpark(INSTANCE.thread);
        }
    }

    private void loop() {
        while (true) {
            Runnable next = awaitTask();
            try {
                next.run();
            } catch (Throwable t) {
                failure = t;
            }
            task = null;
        }
    }

    private Runnable awaitTask() {
        long since = System.nanoTime();
        while (true) {
            Runnable next = task;
            if (next != null) {
                return next;
            }
            if (awake || System.nanoTime() - since < SPIN_NANOS) {
                Thread.onSpinWait();
                continue;
            }
            parked = true;
            if (task == null) {
                LockSupport.park(this);
            }
            parked = false;
            since = System.nanoTime();
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
