package io.fluentdl.search.storage;

import io.fluentdl.internal.sql.Database;
import io.fluentdl.internal.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How workers share a study's trial budget, Optuna's RDB protocol: inside one transaction that
 * holds the study row ({@code SELECT ... FOR UPDATE} on PostgreSQL, the immediate transaction on
 * SQLite) a worker first fails every RUNNING trial whose heartbeat (the database's clock) is older
 * than the grace period, as {@code FAIL} with reason {@code stale}, and queues its parameters again
 * once (Optuna's RetryFailedTrialCallback); then it claims the oldest queued retry with a
 * conditional UPDATE, or numbers a new trial for the next free budget slot. So trial numbers are
 * unique, each trial is run by one worker, and the budget is the study's, not a worker's.
 */
public final class TrialQueue {

    /** PostgreSQL locks the study row to number and claim trials, as Optuna's RDB storage does; SQLite's immediate transaction is the lock. */
    private static final String LOCK_STUDY = "SELECT name FROM study WHERE name = ? FOR UPDATE";

    /** What {@link #claim} gave: a trial to run, or nothing now (WAIT) or ever (DONE). */
    public record Claim(Kind kind, int number, int slot, String units) {
        /** Whether the trial has its point already (a retry of a stale trial). */
        public boolean hasPoint() {
            return units != null && !units.equals("[]");
        }
    }

    /** Claim outcomes. */
    public enum Kind {
        /** Run trial {@code number}. */
        RUN,
        /** Every slot is claimed but some trials still run, or the next round waits for this one: ask again later. */
        WAIT,
        /** Every slot is finished. */
        DONE
    }

    private final StudyStore store;

    public TrialQueue(StudyStore store) {
        this.store = store;
    }

    /**
     * Claims the next trial for {@code worker}.
     *
     * @param perRound   slots per coarse-to-fine round
     * @param rounds     rounds; the budget is {@code perRound * rounds} slots
     * @param graceMillis a RUNNING trial whose heartbeat is older than this is stale (twice the heartbeat interval)
     */
    public Claim claim(int perRound, int rounds, String worker, long graceMillis) {
        Database db = store.database();
        String name = store.name();
        String now = db.dialect().nowMillis();
        return db.transaction(String.format("Study '%s'", name), c -> {
            if (db.dialect() == Dialect.POSTGRES) {
                try (PreparedStatement lock = c.prepareStatement(LOCK_STUDY)) {
                    lock.setString(1, name);
                    lock.executeQuery().close();
                }
            }
            failStale(c, name, now, graceMillis);
            Claim retry = claimQueued(c, name, now, worker);
            if (retry != null) {
                return retry;
            }
            int slot;
            int number;
            try (PreparedStatement q = c.prepareStatement("SELECT COALESCE(MAX(slot), -1) + 1, COALESCE(MAX(number), -1) + 1 "
                    + "FROM trial WHERE study = ?")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    slot = r.getInt(1);
                    number = r.getInt(2);
                }
            }
            long budget = (long) perRound * rounds;
            int round = slot / perRound;
            if (slot >= budget) {
                return new Claim(unfinished(c, name, Integer.MAX_VALUE) ? Kind.WAIT : Kind.DONE, -1, -1, null);
            }
            if (round > 0 && unfinished(c, name, round * perRound)) {
                return new Claim(Kind.WAIT, -1, -1, null);   // the next round narrows around this one's results
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO trial (study, number, round, params, units, "
                    + "status, reason, started_at, slot, worker, heartbeat) VALUES (?, ?, ?, '{}', '[]', 'RUNNING', '', "
                    + now + ", ?, ?, " + now + ")")) {
                ins.setString(1, name);
                ins.setInt(2, number);
                ins.setInt(3, round);
                ins.setInt(4, slot);
                ins.setString(5, worker);
                ins.executeUpdate();
            }
            return new Claim(Kind.RUN, number, slot, null);
        });
    }

    /** Fails stale trials and queues each first try again under a new number with the same slot and point. */
    private static void failStale(Connection c, String name, String now, long graceMillis) throws SQLException {
        List<Object[]> stale = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT number, slot, round, params, units, retry_of FROM trial "
                + "WHERE study = ? AND status = 'RUNNING' AND (heartbeat IS NULL OR heartbeat < " + now + " - ?)")) {
            q.setString(1, name);
            q.setLong(2, graceMillis);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    Object[] t = {r.getInt(1), r.getInt(2), r.getInt(3), r.getString(4), r.getString(5), null};
                    int retryOf = r.getInt(6);
                    t[5] = r.wasNull() ? null : retryOf;   // wasNull speaks of the column read last
                    stale.add(t);
                }
            }
        }
        for (Object[] t : stale) {
            try (PreparedStatement up = c.prepareStatement("UPDATE trial SET status = 'FAIL', reason = 'stale', "
                    + "finished_at = " + now + " WHERE study = ? AND number = ? AND status = 'RUNNING'")) {
                up.setString(1, name);
                up.setInt(2, (Integer) t[0]);
                up.executeUpdate();
            }
            if (t[5] != null) {
                continue;   // a retry that went stale too: its slot stays failed
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO trial (study, number, round, params, units, "
                    + "status, reason, started_at, slot, retry_of) VALUES (?, (SELECT MAX(number) + 1 FROM trial "
                    + "WHERE study = ?), ?, ?, ?, 'WAITING', '', " + now + ", ?, ?)")) {
                ins.setString(1, name);
                ins.setString(2, name);
                ins.setInt(3, (Integer) t[2]);
                ins.setString(4, (String) t[3]);
                ins.setString(5, (String) t[4]);
                ins.setInt(6, (Integer) t[1]);
                ins.setInt(7, (Integer) t[0]);
                ins.executeUpdate();
            }
        }
    }

    private static Claim claimQueued(Connection c, String name, String now, String worker) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT number, slot, units FROM trial WHERE study = ? "
                + "AND status = 'WAITING' ORDER BY number")) {
            q.setString(1, name);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    int number = r.getInt(1);
                    try (PreparedStatement up = c.prepareStatement("UPDATE trial SET status = 'RUNNING', worker = ?, "
                            + "heartbeat = " + now + ", started_at = " + now + " WHERE study = ? AND number = ? "
                            + "AND status = 'WAITING'")) {
                        up.setString(1, worker);
                        up.setString(2, name);
                        up.setInt(3, number);
                        if (up.executeUpdate() == 1) {
                            return new Claim(Kind.RUN, number, r.getInt(2), r.getString(3));
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Whether a trial below {@code slotLimit} still runs or waits for a worker. */
    private static boolean unfinished(Connection c, String name, int slotLimit) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM trial WHERE study = ? AND slot < ? "
                + "AND status IN ('RUNNING', 'WAITING')")) {
            q.setString(1, name);
            q.setInt(2, slotLimit);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1) > 0;
            }
        }
    }

    /** Stamps the database's clock on the heartbeat of each of these RUNNING trials. */
    public void heartbeat(Collection<Integer> numbers) {
        if (numbers.isEmpty()) {
            return;
        }
        Database db = store.database();
        db.transaction(String.format("Study '%s'", store.name()), c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE trial SET heartbeat = " + db.dialect().nowMillis()
                    + " WHERE study = ? AND number = ? AND status = 'RUNNING'")) {
                for (int n : numbers) {
                    up.setString(1, store.name());
                    up.setInt(2, n);
                    up.addBatch();
                }
                up.executeBatch();
            }
            return null;
        });
    }

    /** How many trials run now with a heartbeat younger than {@code graceMillis}: live workers elsewhere. */
    public int live(long graceMillis) {
        Database db = store.database();
        return db.transaction(String.format("Study '%s'", store.name()), c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM trial WHERE study = ? AND status = "
                    + "'RUNNING' AND heartbeat >= " + db.dialect().nowMillis() + " - ?")) {
                q.setString(1, store.name());
                q.setLong(2, graceMillis);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }
}
