package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * The tables of a {@link Study} file and their migrations. The version lives in SQLite's
 * {@code user_version}: 1 is the first schema (its files read 0, since versions were not kept
 * then); 2 adds {@code study.pruner}, which stays NULL for studies created at version 1; 3 adds
 * {@code study.objective}, which stays NULL for studies created at versions 1 and 2.
 */
final class StudySchema {

    /** The version this code writes: {@value}. */
    static final int VERSION = 3;

    private StudySchema() {
    }

    /** Creates the tables of a new file, or migrates an older one to {@link #VERSION}; in the caller's transaction. */
    static void createOrMigrate(Statement s, String where, Path file) throws SQLException {
        int version;
        try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
            version = r.getInt(1);
        }
        if (version > VERSION) {
            throw InvalidConfigException.of(where, "file", file, String.format("this FluentDL reads schema versions "
                    + "up to %d, got user_version=%d", VERSION, version),
                    "Open it with the newer FluentDL that wrote it, or use another file");
        }
        // pruner and objective last, in the order the ALTER TABLEs below add them: new and migrated files
        // get the same table
        s.executeUpdate("CREATE TABLE IF NOT EXISTS study (name TEXT PRIMARY KEY, space TEXT NOT NULL, "
                + "sampler TEXT NOT NULL, direction TEXT NOT NULL, created_at INTEGER NOT NULL, pruner TEXT, "
                + "objective TEXT)");
        s.executeUpdate("CREATE TABLE IF NOT EXISTS trial (study TEXT NOT NULL REFERENCES study(name), "
                + "number INTEGER NOT NULL, round INTEGER NOT NULL, params TEXT NOT NULL, units TEXT NOT NULL, "
                + "status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', score REAL, "
                + "started_at INTEGER NOT NULL, finished_at INTEGER, millis INTEGER, "
                + "PRIMARY KEY (study, number))");
        s.executeUpdate("CREATE TABLE IF NOT EXISTS trial_metric (study TEXT NOT NULL, number INTEGER NOT NULL, "
                + "epoch INTEGER NOT NULL, name TEXT NOT NULL, value REAL, "
                + "PRIMARY KEY (study, number, epoch, name), "
                + "FOREIGN KEY (study, number) REFERENCES trial(study, number) ON DELETE CASCADE)");
        // 1 -> 2 and 2 -> 3: older study tables lack these columns. Checked by name, not by the number:
        // version-1 files and brand-new ones both read user_version 0
        Set<String> studyColumns = columns(s, "study");
        if (!studyColumns.contains("pruner")) {
            s.executeUpdate("ALTER TABLE study ADD COLUMN pruner TEXT");
        }
        if (!studyColumns.contains("objective")) {
            s.executeUpdate("ALTER TABLE study ADD COLUMN objective TEXT");
        }
        s.executeUpdate(String.format("PRAGMA user_version = %d", VERSION));
    }

    private static Set<String> columns(Statement s, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet r = s.executeQuery(String.format("PRAGMA table_info(%s)", table))) {
            while (r.next()) {
                names.add(r.getString("name"));
            }
        }
        return names;
    }
}
