package io.fluentdl.track;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs this JVM has started and not yet ended, and the one shutdown hook that marks them
 * {@link RunStatus#INTERRUPTED} when the JVM exits first (SIGTERM, Ctrl-C, {@code System.exit}, or
 * {@code main} returning without {@code finish()}). One hook for all runs, registered once, because
 * removing a hook throws once shutdown has begun. kill -9 runs no hook; readers detect that case
 * through {@link ProcessOwner}.
 */
final class OpenRuns {

    private static final Set<Tracker> OPEN = ConcurrentHashMap.newKeySet();
    private static boolean hooked;

    private OpenRuns() {
    }

    static synchronized void add(Tracker tracker) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(OpenRuns::interruptAll, "fluentdl-tracker-shutdown"));
            hooked = true;
        }
        OPEN.add(tracker);
    }

    static void remove(Tracker tracker) {
        OPEN.remove(tracker);
    }

    private static void interruptAll() {
        for (Tracker tracker : OPEN) {
            try {
                tracker.interrupt("the JVM shut down (SIGTERM, Ctrl-C or System.exit) before the run finished");
            } catch (RuntimeException e) {
                System.err.printf("Run '%s': could not mark it INTERRUPTED at shutdown: %s%n", tracker.id(), e);
            }
        }
    }
}
