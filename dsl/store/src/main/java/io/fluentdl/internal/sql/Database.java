package io.fluentdl.internal.sql;

import io.fluentdl.errors.InvalidConfigException;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One connection to a database, shared by the threads of one process, and the transactions run on
 * it: each is retried when it fails only because another worker's transaction ran at the same time
 * (deadlock, serialization failure, a busy SQLite file). The one way FluentDL opens SQLite (a study
 * file, the run index {@code runs.db}): WAL mode (readers never block the writer), a busy timeout
 * instead of "database is locked", immediate transactions, foreign keys enforced.
 *
 * <pre>{@code
 * try (Database db = Database.open(StorageUrl.sqlite(file), "RunIndex")) {
 *     int n = db.transaction("count runs", c -> ...);
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {

    /** How long an SQLite write waits for another writer before failing, in milliseconds: {@value}. */
    public static final int BUSY_TIMEOUT_MILLIS = 30_000;
    private static final int OPEN_ATTEMPTS = 5;
    /** How often a transaction is tried before its error is reported: {@value}. */
    public static final int ATTEMPTS = 8;

    private final StorageUrl url;
    private final Connection db;

    private Database(StorageUrl url, Connection db) {
        this.url = url;
        this.db = db;
    }

    /** Connects; an SQLite file's folder is created if needed. */
    public static Database open(StorageUrl url, String where) {
        try {
            if (url.dialect() == Dialect.SQLITE) {
                SQLiteConfig config = new SQLiteConfig();
                config.setJournalMode(SQLiteConfig.JournalMode.WAL);
                config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
                config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
                config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
                config.enforceForeignKeys(true);
                if (url.file() != null) {
                    Path parent = url.file().toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                }
                return new Database(url, connectSqlite(config, url));
            }
            Properties props = new Properties();
            if (url.user() != null) {
                props.setProperty("user", url.user());
            }
            if (url.password() != null) {
                props.setProperty("password", url.password());
            }
            props.setProperty("connectTimeout", "20");
            return new Database(url, DriverManager.getConnection(url.jdbcUrl(), props));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(String.format("%s: cannot open %s: %s", where, url, e.getMessage()), e);
        }
    }

    /**
     * Opens an SQLite connection, again when a concurrent first open raced it: two processes switching a
     * new file to WAL at once can make one of them fail with SQLITE_IOERR_DELETE_NOENT (the other deleted
     * the rollback journal first) or BUSY; the next try finds the file in WAL mode.
     */
    private static Connection connectSqlite(SQLiteConfig config, StorageUrl url) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return config.createConnection(url.jdbcUrl());
            } catch (SQLException e) {
                boolean race = String.valueOf(e.getMessage()).contains("SQLITE_IOERR_DELETE_NOENT")
                        || Dialect.SQLITE.retryable(e);
                if (!race || attempt >= OPEN_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Work done inside one transaction. */
    public interface Work<R> {
        R run(Connection db) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction (immediate for SQLite), committing it, or rolling it back
     * and running it again after a short random wait if it failed only because of a concurrent one.
     *
     * @throws InvalidConfigException as thrown by {@code work}; any other failure as an IllegalStateException
     *                                naming {@code where} and the database
     */
    public synchronized <R> R transaction(String where, Work<R> work) {
        return retried(where, () -> {
            db.setAutoCommit(false);
            try {
                R result = work.run(db);
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        });
    }

    /**
     * Runs read-only {@code work} outside a transaction: on SQLite in WAL mode it reads the last commit
     * without waiting for a writer, where an immediate transaction would queue behind it. Retried as
     * {@link #transaction} is.
     */
    public synchronized <R> R read(String where, Work<R> work) {
        return retried(where, () -> work.run(db));
    }

    private interface Attempt<R> {
        R run() throws SQLException;
    }

    private <R> R retried(String where, Attempt<R> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (n < ATTEMPTS && dialect().retryable(e)) {
                    pause(n);
                    continue;
                }
                throw new IllegalStateException(String.format("%s (%s): %s", where, url, e.getMessage()), e);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a database transaction", e);
        }
    }

    public Dialect dialect() {
        return url.dialect();
    }

    public StorageUrl url() {
        return url;
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
