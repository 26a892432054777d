package io.fluentdl.track;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that writes a run, recorded so that readers can tell a run in progress from one whose
 * process died without a word (kill -9, OOM killer, power loss): a RUNNING run whose owner is gone is
 * read as {@link RunStatus#INTERRUPTED}.
 *
 * <p>A pid alone is not enough, since the OS reuses pids; the process start time tells a new process
 * with the same pid apart. A run owned by another host cannot be checked and is taken as alive.
 *
 * @param pid              process id
 * @param startEpochMillis the process' start time in ms since the epoch, 0 if the OS did not say
 * @param host             host name
 */
public record ProcessOwner(long pid, long startEpochMillis, String host) {

    /** Start times of the same process read twice may differ by a clock tick and boot-time rounding. */
    private static final long START_TOLERANCE_MILLIS = 2_000;

    private static final String THIS_HOST = hostName();

    /** The current JVM. */
    public static ProcessOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessOwner(self.pid(), startOf(self), THIS_HOST);
    }

    /** Whether this owner is known to be dead: same host, and no live process with this pid and start time. */
    @JsonIgnore
    public boolean isGone() {
        if (host == null || !host.equals(THIS_HOST)) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return true;
        }
        long start = startOf(handle.get());
        return startEpochMillis != 0 && start != 0 && Math.abs(start - startEpochMillis) > START_TOLERANCE_MILLIS;
    }

    private static long startOf(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String hostName() {
        try {
            // the kernel's name is exact and needs no DNS, unlike InetAddress on a misconfigured box
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel).strip();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
