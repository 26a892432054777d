package io.fluentdl.search.storage;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.internal.sql.Dialect;
import io.fluentdl.internal.sql.StorageUrl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The tables of a study database and their migrations, the same SQL on SQLite and PostgreSQL.
 * Versions: 1 the first schema (its SQLite files read 0, since versions were not kept then); 2 adds
 * {@code study.pruner}; 3 adds {@code study.objective} (both stay NULL for older studies); 4 adds the
 * shared-study columns {@code trial.slot} (the budget position a trial fills: its sampler index),
 * {@code worker} (host:pid), {@code heartbeat} (database clock, ms) and {@code retry_of}, and spells the
 * failed state {@code FAIL}, as Optuna does. SQLite keeps the version in {@code user_version},
 * PostgreSQL in the table {@code fluentdl_schema}.
 *
 * <p>Several workers may start at once: on PostgreSQL the transaction first takes an advisory lock,
 * so one creates the tables and the others find them; on SQLite the immediate transaction is the lock.
 */
public final class StudySchema {

    /** The version this code writes: {@value}. */
    public static final int VERSION = 4;
    /** The advisory lock key that serialises schema creation on PostgreSQL (any constant works): {@value}. */
    private static final long SCHEMA_LOCK = 0x466C75656E74444CL;

    private StudySchema() {
    }

    /** Creates the tables, or migrates older ones to {@link #VERSION}; in the caller's transaction. */
    static void createOrMigrate(Connection db, Dialect dialect, String where, StorageUrl url) throws SQLException {
        try (Statement s = db.createStatement()) {
            if (dialect == Dialect.POSTGRES) {
                s.execute(String.format("SELECT pg_advisory_xact_lock(%d)", SCHEMA_LOCK));
                s.executeUpdate("CREATE TABLE IF NOT EXISTS fluentdl_schema (version INTEGER NOT NULL)");
            }
            int version = version(s, dialect);
            if (version > VERSION) {
                boolean file = dialect == Dialect.SQLITE;
                throw InvalidConfigException.of(where, file ? "file" : "storage", url, String.format("this FluentDL reads "
                        + "schema versions up to %d, got %s=%d", VERSION, file ? "user_version" : "fluentdl_schema.version",
                        version), String.format("Open it with the newer FluentDL that wrote it, or use another %s",
                        file ? "file" : "database"));
            }
            // pruner and objective last, in the order the migrations add them: new and migrated tables match
            s.executeUpdate("CREATE TABLE IF NOT EXISTS study (name TEXT PRIMARY KEY, space TEXT NOT NULL, "
                    + "sampler TEXT NOT NULL, direction TEXT NOT NULL, created_at BIGINT NOT NULL, pruner TEXT, "
                    + "objective TEXT)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS trial (study TEXT NOT NULL REFERENCES study(name), "
                    + "number INTEGER NOT NULL, round INTEGER NOT NULL, params TEXT NOT NULL, units TEXT NOT NULL, "
                    + "status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', score DOUBLE PRECISION, "
                    + "started_at BIGINT NOT NULL, finished_at BIGINT, millis BIGINT, slot INTEGER, worker TEXT, "
                    + "heartbeat BIGINT, retry_of INTEGER, PRIMARY KEY (study, number))");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS trial_metric (study TEXT NOT NULL, number INTEGER NOT NULL, "
                    + "epoch INTEGER NOT NULL, name TEXT NOT NULL, value DOUBLE PRECISION, "
                    + "PRIMARY KEY (study, number, epoch, name), "
                    + "FOREIGN KEY (study, number) REFERENCES trial(study, number) ON DELETE CASCADE)");
            // older tables lack these columns; checked by name, not by the number (version-1 files and new
            // ones both read user_version 0)
            Set<String> study = columns(db, "study");
            addColumn(s, study, "study", "pruner", "TEXT");
            addColumn(s, study, "study", "objective", "TEXT");
            Set<String> trial = columns(db, "trial");
            addColumn(s, trial, "trial", "slot", "INTEGER");
            addColumn(s, trial, "trial", "worker", "TEXT");
            addColumn(s, trial, "trial", "heartbeat", "BIGINT");
            addColumn(s, trial, "trial", "retry_of", "INTEGER");
            if (version < 4) {
                // before shared studies a trial's number was its budget position, and failed trials read FAILED
                s.executeUpdate("UPDATE trial SET slot = number WHERE slot IS NULL");
                s.executeUpdate("UPDATE trial SET status = 'FAIL' WHERE status = 'FAILED'");
            }
            if (dialect == Dialect.POSTGRES) {
                s.executeUpdate("DELETE FROM fluentdl_schema");
                s.executeUpdate(String.format("INSERT INTO fluentdl_schema (version) VALUES (%d)", VERSION));
            } else {
                s.executeUpdate(String.format("PRAGMA user_version = %d", VERSION));
            }
        }
    }

    private static int version(Statement s, Dialect dialect) throws SQLException {
        String q = dialect == Dialect.POSTGRES ? "SELECT COALESCE(MAX(version), 0) FROM fluentdl_schema" : "PRAGMA user_version";
        try (ResultSet r = s.executeQuery(q)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static Dialect dialect(Connection db) throws SQLException {
        return db.getMetaData().getURL().startsWith("jdbc:postgresql:") ? Dialect.POSTGRES : Dialect.SQLITE;
    }

    private static void addColumn(Statement s, Set<String> have, String table, String column, String type)
            throws SQLException {
        if (!have.contains(column)) {
            s.executeUpdate(String.format("ALTER TABLE %s ADD COLUMN %s %s", table, column, type));
        }
    }

    private static Set<String> columns(Connection db, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        // this schema's table only: PostgreSQL's metadata would also list a same-named table of another schema
        String schema = dialect(db) == Dialect.POSTGRES ? db.getSchema() : null;
        try (ResultSet r = db.getMetaData().getColumns(null, schema, table, null)) {
            while (r.next()) {
                names.add(r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
