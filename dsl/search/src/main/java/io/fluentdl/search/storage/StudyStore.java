package io.fluentdl.search.storage;

import io.fluentdl.internal.sql.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rows of one study in a {@link Database}: its definition, and each trial's parameters, state
 * and per-epoch metrics. Claiming trials (numbering, heartbeats, stale trials) is {@link TrialQueue}'s.
 */
public final class StudyStore {

    private final Database db;
    private final String name;
    private final String where;

    public StudyStore(Database db, String name) {
        this.db = db;
        this.name = name;
        this.where = String.format("Study '%s'", name);
        db.transaction(where, c -> {
            StudySchema.createOrMigrate(c, db.dialect(), where, db.url());
            return null;
        });
    }

    /**
     * The stored definition (space, sampler, direction, pruner, objective: null where an older schema
     * did not record it), inserting {@code definition} first if the study is new. Two workers creating
     * the study at once both read the one that was inserted.
     */
    public Map<String, String> begin(Map<String, String> definition) {
        return db.transaction(where, c -> {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO study (name, space, sampler, direction, "
                    + "created_at, pruner, objective) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                ins.setString(1, name);
                ins.setString(2, definition.get("space"));
                ins.setString(3, definition.get("sampler"));
                ins.setString(4, definition.get("direction"));
                ins.setLong(5, System.currentTimeMillis());
                ins.setString(6, definition.get("pruner"));
                ins.setString(7, definition.get("objective"));
                ins.executeUpdate();
            }
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT space, sampler, direction, pruner, objective FROM study WHERE name = ?")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    Map<String, String> stored = new LinkedHashMap<>();
                    String[] keys = {"space", "sampler", "direction", "pruner", "objective"};
                    for (int i = 0; i < keys.length; i++) {
                        stored.put(keys[i], r.getString(i + 1));
                    }
                    return stored;
                }
            }
        });
    }

    /** The stored definition (space, sampler, direction, pruner, objective), or an empty map if the study is new. */
    public Map<String, String> definition() {
        return db.transaction(where, c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT space, sampler, direction, pruner, objective FROM study WHERE name = ?")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    Map<String, String> stored = new LinkedHashMap<>();
                    if (r.next()) {
                        String[] keys = {"space", "sampler", "direction", "pruner", "objective"};
                        for (int i = 0; i < keys.length; i++) {
                            stored.put(keys[i], r.getString(i + 1));
                        }
                    }
                    return stored;
                }
            }
        });
    }

    /**
     * Records the point a claimed trial drew (its params and unit vector) and its coarse-to-fine round,
     * dropping any metrics stored under its number (left by a trial row deleted by hand: SQLite only
     * cascades deletes on connections that enable foreign keys).
     */
    public void started(int number, int round, String params, String units) {
        db.transaction(where, c -> {
            update(c, "DELETE FROM trial_metric WHERE study = ? AND number = ?", s -> {
                s.setString(1, name);
                s.setInt(2, number);
            });
            return update(c, "UPDATE trial SET round = ?, params = ?, units = ? WHERE study = ? AND number = ?", s -> {
                s.setInt(1, round);
                s.setString(2, params);
                s.setString(3, units);
                s.setString(4, name);
                s.setInt(5, number);
            });
        });
    }

    /** Stores the metrics of one epoch of trial {@code number}. */
    public void epoch(int number, int epoch, Map<String, Double> metrics) {
        db.transaction(where, c -> {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO trial_metric (study, number, epoch, name, value) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (study, number, epoch, name) DO UPDATE SET value = excluded.value")) {
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

    /**
     * Records how trial {@code number} ended, if it is still RUNNING: a trial that another worker
     * already failed as stale (and re-queued) keeps that state, so its slot is not filled twice.
     *
     * @return whether the trial was still RUNNING
     */
    public boolean finished(int number, String status, double score, String reason, long millis) {
        return update("UPDATE trial SET status = ?, score = ?, reason = ?, finished_at = " + db.dialect().nowMillis()
                + ", millis = ? WHERE study = ? AND number = ? AND status = 'RUNNING'", s -> {
                    s.setString(1, status);
                    setReal(s, 2, score);
                    s.setString(3, reason);
                    s.setLong(4, millis);
                    s.setString(5, name);
                    s.setInt(6, number);
                }) == 1;
    }

    /** Every trial of the study, by number. */
    public Map<Integer, StoredTrial> trials() {
        return db.transaction(where, c -> {
            Map<Integer, SortedMap<Integer, Map<String, Double>>> metrics = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement(
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
            Map<Integer, StoredTrial> rows = new TreeMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT number, slot, round, units, params, status, score, "
                    + "reason, millis, worker, retry_of FROM trial WHERE study = ? ORDER BY number")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        int number = r.getInt(1);
                        double score = r.getDouble(7);
                        score = r.wasNull() ? Double.NaN : score;
                        int retryOf = r.getInt(11);
                        Integer retry = r.wasNull() ? null : retryOf;
                        rows.put(number, new StoredTrial(number, r.getInt(2), r.getInt(3), r.getString(4),
                                r.getString(5), r.getString(6), score, r.getString(8), r.getLong(9), r.getString(10),
                                retry, metrics.getOrDefault(number, new TreeMap<>())));
                    }
                }
            }
            return rows;
        });
    }

    /**
     * Every reported value of {@code metric} as (slot, epoch, value), leaving out trials failed as stale
     * (their retry reports for the same slot): what pruners compare a trial with.
     */
    public List<double[]> values(String metric) {
        return db.transaction(where, c -> {
            List<double[]> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT t.slot, m.epoch, m.value FROM trial_metric m "
                    + "JOIN trial t ON t.study = m.study AND t.number = m.number WHERE m.study = ? AND m.name = ? "
                    + "AND m.value IS NOT NULL AND NOT (t.status = 'FAIL' AND t.reason = 'stale')")) {
                q.setString(1, name);
                q.setString(2, metric);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(new double[]{r.getInt(1), r.getInt(2), r.getDouble(3)});
                    }
                }
            }
            return out;
        });
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        return db.transaction(where, c -> update(c, sql, binder));
    }

    private static int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        }
    }

    static void setReal(PreparedStatement s, int i, Double v) throws SQLException {
        if (v == null || Double.isNaN(v)) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, v);
        }
    }

    public String name() {
        return name;
    }

    public Database database() {
        return db;
    }
}
