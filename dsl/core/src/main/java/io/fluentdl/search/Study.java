package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A persistent record of one search in an SQLite file: the space, the sampler, and every trial's
 * parameters, status, score, timings and per-epoch metrics, written as the search runs.
 *
 * <p>A search given a study with {@link Search#resume()} keeps the study's finished trials and runs
 * the rest: trial k's point is a pure function of (sampler seed, k, and for TPE the finished trials,
 * which the study holds), so "continue the sequence" is "skip the finished numbers, rerun the ones
 * left RUNNING by a crash". Many studies (by name) share
 * one file; the file is opened in WAL mode with a busy timeout and every write is one immediate
 * transaction, so two searches or two processes on one file do not corrupt each other.
 *
 * <p>A resumed search must match the study's space, sampler, direction, pruner
 * ({@link Pruner#describe()}) and objective ({@link TrialObjective#describe()}: a trial's epochs,
 * batch size, metric and executions), so one study never mixes trials run to different rules or
 * budgets. Opening a file written by an older version migrates it in place ({@link StudySchema}).
 *
 * <pre>{@code
 * try (Study study = Study.open(Path.of("results/search.db"), "bn-search")) {
 *     SearchResult<ModelSpec> result = RandomSearch.over(space).study(study).resume()...run();
 * }
 * }</pre>
 */
public final class Study implements AutoCloseable {

    /** How long a write waits for another writer before failing, in milliseconds: {@value}. */
    public static final int BUSY_TIMEOUT_MILLIS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(Study.class);

    private final String name;
    private final Path file;
    private final Connection db;

    private Study(Path file, String name, Connection db) {
        this.file = file;
        this.name = name;
        this.db = db;
    }

    /** Opens (creating if needed) the database file and the study {@code name} in it. */
    public static Study open(Path file, String name) {
        if (name == null || name.isBlank()) {
            throw InvalidConfigException.of("Study", "name", name, "a study name is required", "");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            Connection db = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            Study study = new Study(file, name, db);
            try {
                study.createTables();
            } catch (RuntimeException e) {
                try {
                    db.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
            return study;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(String.format("Study '%s': cannot open %s: %s", name, file, e.getMessage()), e);
        }
    }

    private void createTables() {
        transaction(() -> {
            try (Statement s = db.createStatement()) {
                StudySchema.createOrMigrate(s, where(), file);
            }
            return null;
        });
    }

    /**
     * Records the search's definition, or checks that a resumed search matches it. A study created
     * before pruners (schema version 1) or objectives (version 2) were stored has none to check: it
     * resumes with one warning naming what cannot be checked, and keeps it unrecorded, since what
     * its trials ran with is unknown.
     *
     * @param pruner    {@link Pruner#describe()}
     * @param objective {@link TrialObjective#describe()} with what the search adds (see {@link Search#resume()})
     * @throws InvalidConfigException if the study exists with another space, sampler, direction, pruner or objective
     */
    synchronized void begin(String spaceJson, String sampler, String direction, String pruner, String objective) {
        transaction(() -> {
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT space, sampler, direction, pruner, objective FROM study WHERE name = ?")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    if (r.next()) {
                        List<String> differs = new ArrayList<>();
                        compare(differs, "space", r.getString(1), spaceJson);
                        compare(differs, "sampler", r.getString(2), sampler);
                        compare(differs, "direction", r.getString(3), direction);
                        Map<String, String> unrecorded = new LinkedHashMap<>();
                        compareRecorded(differs, unrecorded, "pruner", r.getString(4), pruner);
                        compareRecorded(differs, unrecorded, "objective", r.getString(5), objective);
                        if (!differs.isEmpty()) {
                            throw InvalidConfigException.of(where(), "study", name, String.format(
                                    "was created by another search; %s", String.join("; ", differs)),
                                    "Use a new study name, or the search that created it");
                        }
                        warnUnrecorded(unrecorded);
                        return null;
                    }
                }
            }
            try (PreparedStatement ins = db.prepareStatement("INSERT INTO study "
                    + "(name, space, sampler, direction, created_at, pruner, objective) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ins.setString(1, name);
                ins.setString(2, spaceJson);
                ins.setString(3, sampler);
                ins.setString(4, direction);
                ins.setLong(5, System.currentTimeMillis());
                ins.setString(6, pruner);
                ins.setString(7, objective);
                ins.executeUpdate();
            }
            return null;
        });
    }

    /** Compares a setting that older schemas did not store (NULL): those go to {@code unrecorded} instead. */
    private static void compareRecorded(List<String> differs, Map<String, String> unrecorded, String what,
                                        String stored, String now) {
        if (stored == null) {
            unrecorded.put(what, now);
        } else {
            compare(differs, what, stored, now);
        }
    }

    /** One warning for everything an older file could not record, e.g. a version-1 file's pruner and objective. */
    private void warnUnrecorded(Map<String, String> unrecorded) {
        if (unrecorded.isEmpty()) {
            return;
        }
        List<String> values = new ArrayList<>();
        unrecorded.forEach((what, now) -> values.add(String.format("%s=%s", what, now)));
        String names = String.join(" and ", unrecorded.keySet());
        LOG.warn(String.format("%s: created before studies recorded their %s, so %s cannot be checked against the %s "
                + "its trials ran with (%s). Resume it with the %s it was created with.", where(), names,
                String.join(" and ", values), unrecorded.size() == 1 ? "one" : "ones", file, names));
    }

    private static void compare(List<String> differs, String what, String stored, String now) {
        if (!stored.equals(now)) {
            differs.add(String.format("its %s was %s, this search's is %s", what, stored, now));
        }
    }

    /** Marks trial {@code number} RUNNING (again, after a crash), dropping any metrics of an earlier run. */
    synchronized void started(int number, int round, Map<String, Object> params, double[] units) {
        transaction(() -> {
            try (PreparedStatement del = db.prepareStatement("DELETE FROM trial_metric WHERE study = ? AND number = ?");
                 PreparedStatement up = db.prepareStatement("INSERT OR REPLACE INTO trial "
                         + "(study, number, round, params, units, status, reason, score, started_at) "
                         + "VALUES (?, ?, ?, ?, ?, 'RUNNING', '', NULL, ?)")) {
                del.setString(1, name);
                del.setInt(2, number);
                del.executeUpdate();
                up.setString(1, name);
                up.setInt(2, number);
                up.setInt(3, round);
                up.setString(4, StudyJson.params(params));
                up.setString(5, StudyJson.write(units));
                up.setLong(6, System.currentTimeMillis());
                up.executeUpdate();
            }
            return null;
        });
    }

    /** Stores the metrics of one epoch of trial {@code number}. */
    synchronized void epoch(int number, int epoch, Map<String, Double> metrics) {
        transaction(() -> {
            try (PreparedStatement ins = db.prepareStatement(
                    "INSERT OR REPLACE INTO trial_metric (study, number, epoch, name, value) VALUES (?, ?, ?, ?, ?)")) {
                for (Map.Entry<String, Double> m : metrics.entrySet()) {
                    ins.setString(1, name);
                    ins.setInt(2, number);
                    ins.setInt(3, epoch);
                    ins.setString(4, m.getKey());
                    setReal(ins, 5, m.getValue());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    /** Records how trial {@code number} ended. */
    synchronized void finished(int number, TrialStatus status, double score, String reason, long millis) {
        transaction(() -> {
            try (PreparedStatement up = db.prepareStatement("UPDATE trial SET status = ?, score = ?, reason = ?, "
                    + "finished_at = ?, millis = ? WHERE study = ? AND number = ?")) {
                up.setString(1, status.name());
                setReal(up, 2, score);
                up.setString(3, reason);
                up.setLong(4, System.currentTimeMillis());
                up.setLong(5, millis);
                up.setString(6, name);
                up.setInt(7, number);
                up.executeUpdate();
            }
            return null;
        });
    }

    /** A stored trial: the raw row, with metrics by epoch. Params are rebuilt from {@code units}. */
    record Row(int number, int round, double[] units, TrialStatus status, double score, String reason, long millis,
               SortedMap<Integer, Map<String, Double>> epochs) {
    }

    /** Every trial of this study, by number. */
    synchronized Map<Integer, Row> rows() {
        return transaction(() -> {
            Map<Integer, SortedMap<Integer, Map<String, Double>>> metrics = new HashMap<>();
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT number, epoch, name, value FROM trial_metric WHERE study = ? ORDER BY number, epoch")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        double v = r.getDouble(4);
                        metrics.computeIfAbsent(r.getInt(1), k -> new TreeMap<>())
                                .computeIfAbsent(r.getInt(2), k -> new LinkedHashMap<>())
                                .put(r.getString(3), r.wasNull() ? Double.NaN : v);
                    }
                }
            }
            Map<Integer, Row> rows = new TreeMap<>();
            try (PreparedStatement q = db.prepareStatement("SELECT number, round, units, status, score, reason, millis "
                    + "FROM trial WHERE study = ? ORDER BY number")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        int number = r.getInt(1);
                        double score = r.getDouble(5);
                        score = r.wasNull() ? Double.NaN : score;
                        rows.put(number, new Row(number, r.getInt(2), StudyJson.units(r.getString(3)),
                                TrialStatus.valueOf(r.getString(4)), score, r.getString(6), r.getLong(7),
                                metrics.getOrDefault(number, new TreeMap<>())));
                    }
                }
            }
            return rows;
        });
    }

    /** Every trial's stored parameters (as JSON values), by number: for reports and tools. */
    public synchronized Map<Integer, Map<String, Object>> storedParams() {
        return transaction(() -> {
            Map<Integer, Map<String, Object>> out = new TreeMap<>();
            try (PreparedStatement q = db.prepareStatement("SELECT number, params FROM trial WHERE study = ?")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getInt(1), StudyJson.readParams(r.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    private static void setReal(PreparedStatement s, int i, Double v) throws SQLException {
        if (v == null || Double.isNaN(v)) {
            s.setNull(i, java.sql.Types.REAL);
        } else {
            s.setDouble(i, v);
        }
    }

    private interface Work<R> {
        R run() throws Exception;
    }

    /** Runs {@code work} in one immediate transaction (the connection's mode), rolling back on failure. */
    private <R> R transaction(Work<R> work) {
        try {
            db.setAutoCommit(false);
            try {
                R result = work.run();
                db.commit();
                return result;
            } catch (Exception e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (InvalidConfigException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(String.format("%s (%s): %s", where(), file, e.getMessage()), e);
        }
    }

    private String where() {
        return String.format("Study '%s'", name);
    }

    public String name() {
        return name;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
