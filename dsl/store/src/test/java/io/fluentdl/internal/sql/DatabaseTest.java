package io.fluentdl.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void opensSqliteInWalModeWithBusyTimeoutAndForeignKeysCreatingTheFolder() throws SQLException {
        Path file = dir.resolve("new/folder/x.db");
        try (Database db = Database.open(StorageUrl.sqlite(file), "test")) {
            assertEquals("wal", db.transaction("pragma", c -> text(c, "PRAGMA journal_mode")));
            assertEquals(String.valueOf(Database.BUSY_TIMEOUT_MILLIS), db.transaction("pragma", c -> text(c, "PRAGMA busy_timeout")));
            assertEquals("1", db.transaction("pragma", c -> text(c, "PRAGMA foreign_keys")));
            assertEquals(Dialect.SQLITE, db.dialect());
        }
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void retriesATransactionThatLostARaceAndRollsBackEachFailedTry() {
        try (Database db = Database.open(StorageUrl.sqlite(dir.resolve("r.db")), "test")) {
            db.transaction("schema", c -> update(c, "CREATE TABLE t (x INTEGER)"));
            AtomicInteger tries = new AtomicInteger();
            int result = db.transaction("insert", c -> {
                update(c, "INSERT INTO t VALUES (1)");
                if (tries.incrementAndGet() < 3) {
                    throw new SQLException("[SQLITE_BUSY] the database file is locked", null, 5);
                }
                return 42;
            });
            assertEquals(42, result);
            assertEquals(3, tries.get());
            // the two failed tries' inserts were rolled back: one row, not three
            assertEquals("1", db.transaction("count", c -> text(c, "SELECT COUNT(*) FROM t")));
        }
    }

    @Test
    void reportsAnotherFailureOnceNamingWhereAndTheDatabaseAfterRollingBack() {
        Path file = dir.resolve("f.db");
        try (Database db = Database.open(StorageUrl.sqlite(file), "test")) {
            db.transaction("schema", c -> update(c, "CREATE TABLE t (x INTEGER)"));
            AtomicInteger tries = new AtomicInteger();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.transaction("Index 'x'", c -> {
                tries.incrementAndGet();
                update(c, "INSERT INTO t VALUES (1)");
                return update(c, "INSERT INTO missing VALUES (1)");
            }));
            assertEquals(1, tries.get());
            assertTrue(e.getMessage().startsWith("Index 'x' (sqlite:" + file + "): "), e.getMessage());
            assertTrue(e.getMessage().contains("no such table: missing"), e.getMessage());
            assertEquals("0", db.transaction("count", c -> text(c, "SELECT COUNT(*) FROM t")));
        }
    }

    @Test
    void twoConnectionsToOneFileSeeEachOthersCommits() {
        Path file = dir.resolve("shared.db");
        try (Database a = Database.open(StorageUrl.sqlite(file), "a"); Database b = Database.open(StorageUrl.sqlite(file), "b")) {
            a.transaction("schema", c -> update(c, "CREATE TABLE t (x INTEGER)"));
            a.transaction("insert", c -> update(c, "INSERT INTO t VALUES (7)"));
            assertEquals("7", b.transaction("read", c -> text(c, "SELECT x FROM t")));
        }
    }

    @Test
    void aReadSeesTheLastCommitWithoutWaitingForAnOpenWriteTransaction() {
        Path file = dir.resolve("wal.db");
        try (Database writer = Database.open(StorageUrl.sqlite(file), "writer");
             Database reader = Database.open(StorageUrl.sqlite(file), "reader")) {
            writer.transaction("schema", c -> update(c, "CREATE TABLE t (x INTEGER)"));
            writer.transaction("insert", c -> {
                update(c, "INSERT INTO t VALUES (1)");
                // the writer holds its immediate transaction; a reader's own immediate transaction would
                // wait for it (the busy timeout), a read returns the last commit at once
                assertEquals("0", reader.read("count", r -> text(r, "SELECT COUNT(*) FROM t")));
                return null;
            });
            assertEquals("1", reader.read("count", r -> text(r, "SELECT COUNT(*) FROM t")));
        }
    }

    @Test
    void retryableIsOnlyARaceBetweenTransactions() {
        assertTrue(Dialect.SQLITE.retryable(new SQLException("busy", null, 5)));
        assertTrue(Dialect.SQLITE.retryable(new SQLException("locked", null, 6)));
        assertFalse(Dialect.SQLITE.retryable(new SQLException("[SQLITE_CONSTRAINT] UNIQUE", null, 19)));
        assertTrue(Dialect.POSTGRES.retryable(new SQLException("deadlock detected", "40P01")));
        assertTrue(Dialect.POSTGRES.retryable(new SQLException("could not serialize", "40001")));
        assertFalse(Dialect.POSTGRES.retryable(new SQLException("syntax error", "42601")));
        // the cause chain counts: a driver wraps the real failure
        assertTrue(Dialect.POSTGRES.retryable(new SQLException("batch failed", "08000", new SQLException("x", "40001"))));
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }
}
