package io.fluentdl.internal.sql;

import io.fluentdl.errors.InvalidConfigException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where a database lives, as Optuna spells it: {@code sqlite:PATH} (a file beside the results, the
 * default, for the processes of one host) or {@code postgresql://user:password@host:port/db} (a
 * server that workers on many machines share). Studies take either; the run index is an SQLite file.
 *
 * @param dialect  which database speaks
 * @param jdbcUrl  the JDBC URL without credentials
 * @param user     the PostgreSQL user (null for SQLite)
 * @param password the PostgreSQL password (null for SQLite)
 * @param file     the SQLite file (null for PostgreSQL and in-memory databases)
 * @param display  the URL with the password masked, for messages and results
 */
public record StorageUrl(Dialect dialect, String jdbcUrl, String user, String password, Path file, String display) {

    /** The in-memory SQLite database of a search given no study: one process, gone when it ends. */
    public static StorageUrl memory() {
        return new StorageUrl(Dialect.SQLITE, "jdbc:sqlite::memory:", null, null, null, "sqlite::memory:");
    }

    /** An SQLite file. */
    public static StorageUrl sqlite(Path file) {
        Path absolute = file.toAbsolutePath();
        return new StorageUrl(Dialect.SQLITE, "jdbc:sqlite:" + absolute, null, null, file, "sqlite:" + file);
    }

    /**
     * Parses {@code sqlite:PATH} or {@code postgresql://user:password@host:port/db[?options]}
     * ({@code postgres://} too; the port defaults to 5432; user and password may be percent-encoded;
     * options such as {@code sslmode=require} or {@code currentSchema=s} are the JDBC driver's).
     *
     * @throws InvalidConfigException naming the two accepted forms for anything else
     */
    public static StorageUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw bad(url, "a storage URL is required");
        }
        if (url.startsWith("sqlite:")) {
            String path = url.substring("sqlite:".length());
            if (path.startsWith("//")) {
                path = path.substring(2);   // sqlite:///abs/path, as SQLAlchemy writes it
            }
            if (path.isBlank()) {
                throw bad(url, "sqlite: needs a file path");
            }
            return sqlite(Path.of(path));
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            return postgres(url);
        }
        throw bad(url, "the scheme must be sqlite: or postgresql://");
    }

    private static StorageUrl postgres(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw bad(url, String.format("not a URL (%s)", e.getReason()));
        }
        String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || db.isBlank()) {
            throw bad(url, "postgresql:// needs a host and a database");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        // query options (sslmode=require, currentSchema=...) go to the JDBC driver as they are
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = String.format("jdbc:postgresql://%s:%d/%s%s", uri.getHost(), port, db, query);
        String display = String.format("postgresql://%s%s:%d/%s%s", user == null ? "" : user + (password == null ? "@" : ":***@"),
                uri.getHost(), port, db, query);
        return new StorageUrl(Dialect.POSTGRES, jdbc, user, password, null, display);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static InvalidConfigException bad(String url, String rule) {
        return InvalidConfigException.of("Study storage", "url", url, String.format("%s, got url=%s", rule, url),
                "Use sqlite:PATH or postgresql://user:password@host:port/db");
    }

    @Override
    public String toString() {
        return display;
    }
}
