package io.fluentdl.experiments.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Puts the study file's path (and, when its disk is nearly full, that fact) in front of an SQLite
 * failure: the driver's "[SQLITE_CORRUPT] ..." or "[SQLITE_ERROR] ... cannot commit" names no file.
 */
final class StudyFailure {

    /** Below this much free space, an SQLite error is most likely the full disk. */
    static final long LOW_SPACE_BYTES = 16L << 20;

    private StudyFailure() {
    }

    /** {@code e} itself, or, when SQLite caused it, an exception whose message starts with the study's path. */
    static RuntimeException named(Path study, RuntimeException e) {
        SQLException sql = null;
        for (Throwable t = e; t != null && sql == null; t = t.getCause() == t ? null : t.getCause()) {
            sql = t instanceof SQLException s ? s : null;
        }
        if (sql == null) {
            return e;
        }
        String disk = "";
        try {
            Path dir = study.toAbsolutePath().getParent();
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < LOW_SPACE_BYTES) {
                disk = String.format(Locale.ROOT, " The disk holding it is full (%d KiB free): free some space, then "
                        + "continue with --resume.", free / 1024);
            }
        } catch (IOException ignored) {
            // no word on the disk then
        }
        return new IllegalStateException(String.format("Study file %s: %s.%s", study,
                String.valueOf(sql.getMessage()).replaceAll("\\s+", " ").trim(), disk), e);
    }
}
