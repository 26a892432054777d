package io.fluentdl.experiments.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's CPU time, for ratios that a shared machine's load distorts less than wall time. */
final class CpuClock {

    private CpuClock() {
    }

    /**
     * CPU time of this process, all threads (OpenBLAS' native threads, JIT and GC included), in nanoseconds:
     * on Linux the sum of {@code /proc/self/task/N/schedstat}, since the JDK's process CPU time moves in 10 ms
     * ticks here, too coarse to take one evaluation out of one epoch; elsewhere the JDK's.
     */
    static long processNanos() {
        Path tasks = Path.of("/proc/self/task");
        if (Files.isDirectory(tasks)) {
            long sum = 0;
            try (java.nio.file.DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
                for (Path thread : threads) {
                    try {
                        String stat = Files.readString(thread.resolve("schedstat"));
                        sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                    } catch (IOException | RuntimeException e) {
                        // the thread ended between the listing and the read: its time is gone either way
                    }
                }
                return sum;
            } catch (IOException e) {
                // no /proc after all: the JDK's coarser clock
            }
        }
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
