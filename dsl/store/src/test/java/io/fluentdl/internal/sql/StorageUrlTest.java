package io.fluentdl.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.errors.InvalidConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StorageUrlTest {

    @Test
    void parsesSqliteInBothSpellings() {
        StorageUrl a = StorageUrl.parse("sqlite:results/study.db");
        assertEquals(Dialect.SQLITE, a.dialect());
        assertEquals(Path.of("results/study.db"), a.file());
        assertEquals("jdbc:sqlite:" + Path.of("results/study.db").toAbsolutePath(), a.jdbcUrl());
        assertEquals(Path.of("/tmp/s.db"), StorageUrl.parse("sqlite:///tmp/s.db").file());
    }

    @Test
    void parsesPostgresWithDecodedCredentialsAndMasksThePassword() {
        StorageUrl u = StorageUrl.parse("postgresql://fl%40x:p%3Ass@db.example:6543/studies?sslmode=require");
        assertEquals(Dialect.POSTGRES, u.dialect());
        assertEquals("jdbc:postgresql://db.example:6543/studies?sslmode=require", u.jdbcUrl());
        assertEquals("fl@x", u.user());
        assertEquals("p:ss", u.password());
        assertEquals("postgresql://fl@x:***@db.example:6543/studies?sslmode=require", u.toString());
        assertNull(u.file());
        assertEquals("jdbc:postgresql://h:5432/d", StorageUrl.parse("postgres://h/d").jdbcUrl());
    }

    @Test
    void rejectsOtherSchemesInOneLine() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> StorageUrl.parse("mysql://h/d"));
        assertTrue(e.getMessage().contains("the scheme must be sqlite: or postgresql://, got url=mysql://h/d"), e.getMessage());
        assertTrue(e.getMessage().contains("Use sqlite:PATH or postgresql://user:password@host:port/db"), e.getMessage());
        InvalidConfigException noDb = assertThrows(InvalidConfigException.class, () -> StorageUrl.parse("postgresql://h"));
        assertTrue(noDb.getMessage().contains("needs a host and a database"), noDb.getMessage());
    }
}
