package io.fluentdl.track;

import java.nio.file.Path;
import java.util.Map;

/**
 * A child process for {@link InterruptedRunTest}: starts a run under the root given as argument, logs two
 * epochs and a few steps, says "READY <run-dir>" and waits to be killed.
 */
public final class CrashingRun {

    private CrashingRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        Tracker t = Tracker.in(Path.of(args[0])).experiment("crash").name("victim").provenance(Map.of()).start();
        t.logEpoch(Map.of("train_loss", 0.5));
        t.logStep(7, Map.of("loss", 0.45));
        t.logEpoch(Map.of("train_loss", 0.4));
        System.out.println("READY " + t.dir());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
