package io.fluentdl.internal.dl4j.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The GEMM worker runs the second half on its own thread, reports its failures to the caller, and serves one caller at a time. */
class GemmWorkerTest {

    @Test
    void runsBothHalvesTheSecondOnTheWorkerThread() throws Exception {
        AtomicReference<Thread> mine = new AtomicReference<>();
        AtomicReference<Thread> theirs = new AtomicReference<>();
        for (int round = 0; round < 3; round++) { // the worker parks between rounds and is woken again
            assertTrue(GemmWorker.runPair(() -> mine.set(Thread.currentThread()), () -> theirs.set(Thread.currentThread())));
            assertEquals(Thread.currentThread(), mine.get());
            assertEquals("fluentdl-gemm", theirs.get().getName());
            Thread.sleep(2); // longer than the worker spins
        }
    }

    @Test
    void aFailureOnTheWorkerReachesTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GemmWorker.runPair(() -> { }, () -> { throw new IllegalStateException("half failed"); }));
        assertEquals("half failed", e.getMessage());
        assertTrue(GemmWorker.runPair(() -> { }, () -> { }), "and the worker goes on");
    }

    @Test
    void aSecondCallerRunsItsWorkWholeWhileTheWorkerIsTaken() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> GemmWorker.runPair(() -> {
            inside.countDown();
            await(release);
        }, () -> { }));
        first.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        AtomicBoolean ran = new AtomicBoolean();
        assertFalse(GemmWorker.runPair(() -> ran.set(true), () -> ran.set(true)), "taken: the caller runs both itself");
        assertFalse(ran.get(), "and nothing ran");
        release.countDown();
        first.join(10_000);
        assertNotEquals(Thread.State.RUNNABLE, first.getState());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
