package io.fluentdl.internal.sql;

import java.sql.SQLException;

/** What differs between the two databases FluentDL stores in (a study, the run index); the SQL is otherwise shared. */
public enum Dialect {
    /** SQLite: writers are serialised by an immediate transaction (the whole file is the lock). */
    SQLITE("CAST((julianday('now') - 2440587.5) * 86400000.0 AS BIGINT)"),
    /** PostgreSQL: rows are locked ({@code FOR UPDATE}) where SQLite would lock the whole file. */
    POSTGRES("CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");

    private final String nowMillis;

    Dialect(String nowMillis) {
        this.nowMillis = nowMillis;
    }

    /** The database clock in epoch milliseconds, as an SQL expression: heartbeats use it, so hosts' clocks need not agree. */
    public String nowMillis() {
        return nowMillis;
    }

    /**
     * Whether a transaction failed only because another one ran at the same time and can simply be
     * run again: PostgreSQL's serialization failure (40001), deadlock (40P01) and lock timeout (55P03),
     * SQLite's BUSY (5) and LOCKED (6).
     */
    public boolean retryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if (this == POSTGRES && ("40001".equals(state) || "40P01".equals(state) || "55P03".equals(state))) {
                    return true;
                }
                if (this == SQLITE && (s.getErrorCode() == 5 || s.getErrorCode() == 6
                        || String.valueOf(s.getMessage()).contains("SQLITE_BUSY"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
