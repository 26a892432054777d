package io.fluentdl.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names and cleans the temporary files of atomic writes ({@code .results.json.<pid>-<random>.tmp}):
 * a process killed between writing and renaming leaves its temporary file behind, and since the name
 * carries the writer's pid, the next run can delete exactly the ones whose writer is gone, never a
 * file another live process is still writing.
 */
public final class TempFiles {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern OURS = Pattern.compile("\\..+\\.(\\d+)-[0-9a-f]{16}\\.tmp");
    private static final long PID = ProcessHandle.current().pid();

    private TempFiles() {
    }

    /** A fresh temporary name beside {@code target}, in the same folder (so the rename is atomic). */
    public static Path beside(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        return dir.resolve(String.format(".%s.%d-%016x.tmp", target.getFileName(), PID, RANDOM.nextLong()));
    }

    /**
     * Deletes, in {@code dir} and its sub-folders down to {@code depth}, the temporary files of writers
     * that no longer run; returns how many. A missing folder has none.
     */
    public static int cleanLeftovers(Path dir, int depth) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.walk(dir, depth)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = OURS.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p) && !alive(Long.parseLong(m.group(1)))) {
                    deleted += Files.deleteIfExists(p) ? 1 : 0;
                }
            }
        }
        return deleted;
    }

    private static boolean alive(long pid) {
        return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
