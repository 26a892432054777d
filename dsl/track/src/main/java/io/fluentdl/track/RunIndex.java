package io.fluentdl.track;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fluentdl.internal.sql.Database;
import io.fluentdl.internal.sql.StorageUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runs under one tracking root, queryable across experiments and searches: an SQLite file
 * {@code <root>/runs.db}, opened as every FluentDL database is ({@link Database}: WAL mode, so readers never
 * block the writer and several processes may train into the same root; a busy timeout instead of
 * "database is locked" errors; a transaction that lost a race to another process is run again).
 *
 * <pre>{@code
 * RunIndex index = RunIndex.at(Path.of("results"));
 * List<Run> done = index.query(RunQuery.experiment("bn-case-study").status(RunStatus.FINISHED));
 * Comparison c = index.compare(List.of(a.id(), b.id()), "val_accuracy");
 * }</pre>
 * The run directories are the record; the index is a cache of their {@code run.json}: {@link #rebuild()}
 * recreates it. Tables: {@code runs} (one row per run: id, name, experiment, tags, seed, status, started_at,
 * ended_at, pid, host, dir, summary JSON, config JSON, meta JSON) and {@code run_tags} (run_id, tag), so
 * SQL users can write {@code json_extract(summary, '$.val_accuracy')}. Statuses are reconciled on read:
 * a RUNNING row whose process is gone is returned, and stored, as INTERRUPTED.
 */
public final class RunIndex {

    private static final int SCHEMA_VERSION = 1;

    private final Path root;
    private final Path file;

    private RunIndex(Path root) {
        this.root = root;
        this.file = root.resolve(RunFiles.INDEX);
    }

    /** Opens (creating if needed) the index of the runs under {@code root}. */
    public static RunIndex at(Path root) {
        RunIndex index = new RunIndex(root);
        index.createSchema();
        return index;
    }

    public Path file() {
        return file;
    }

    /** Runs matching {@code q}, newest first, with reconciled statuses. */
    public List<Run> query(RunQuery q) {
        StringBuilder sql = new StringBuilder("SELECT meta FROM runs r WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (q.experiment() != null) {
            sql.append(" AND r.experiment = ?");
            args.add(q.experiment());
        }
        if (q.name() != null) {
            sql.append(" AND r.name = ?");
            args.add(q.name());
        }
        if (q.status() != null) {
            // a RUNNING row may turn out INTERRUPTED: fetch both and filter after reconciling
            sql.append(q.status() == RunStatus.INTERRUPTED ? " AND r.status IN (?, 'RUNNING')" : " AND r.status = ?");
            args.add(q.status().name());
        }
        for (String tag : q.tags()) {
            sql.append(" AND EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND t.tag = ?)");
            args.add(tag);
        }
        sql.append(" ORDER BY r.started_at DESC, r.id DESC");
        List<String> metas = reading("query", c -> {
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    st.setString(i + 1, args.get(i));
                }
                return column(st);
            }
        });
        // reconciled after the read: reconciling writes, and its transaction must not wait on this one
        List<Run> runs = new ArrayList<>();
        for (String meta : metas) {
            runs.add(reconcile(run(meta)));
        }
        return q.status() == null ? runs : runs.stream().filter(r -> r.status() == q.status()).toList();
    }

    /** Every run, newest first. */
    public List<Run> all() {
        return query(RunQuery.any());
    }

    /** The run with this id, if indexed. */
    public Optional<Run> get(String id) {
        List<String> metas = reading("get", c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT meta FROM runs WHERE id = ?")) {
                st.setString(1, id);
                return column(st);
            }
        });
        return metas.stream().findFirst().map(meta -> reconcile(run(meta)));
    }

    /** The run directory of an indexed run. */
    public Path runDir(String id) {
        return RunFiles.runDir(root, id);
    }

    /**
     * One metric across runs: each run's final value (from its summary) and its epoch curve (from its
     * directory), in the order of {@code runIds}.
     */
    public Comparison compare(List<String> runIds, String metric) {
        List<Comparison.Entry> entries = new ArrayList<>();
        for (String id : runIds) {
            Run run = get(id).orElseThrow(() -> new IllegalArgumentException(String.format(
                    "RunIndex %s: compare needs indexed runs, got id='%s', which is not there. Check the id, or run RunIndex.rebuild().",
                    file, id)));
            Double last = run.summary().get(metric);
            MetricSeries curve = RunReader.open(runDir(id)).series(Scope.EPOCH, metric);
            entries.add(new Comparison.Entry(run, last == null ? curve.last() : last, curve));
        }
        return new Comparison(metric, entries);
    }

    /** Stores or replaces a run's row (the tracker calls this at start and end). */
    void put(Run run) {
        String tags = json(run.tags());
        String summary = json(run.summary());
        String config = json(run.config());
        String meta = json(run);
        inTransaction(String.format("index run '%s'", run.id()), c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT OR REPLACE INTO runs (id, name, experiment, tags, seed, status, started_at, ended_at,
                        pid, host, dir, summary, config, meta)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                st.setString(1, run.id());
                st.setString(2, run.name());
                st.setString(3, run.experiment());
                st.setString(4, tags);
                st.setObject(5, run.seed());
                st.setString(6, run.status().name());
                st.setString(7, run.startedAt());
                st.setString(8, run.endedAt());
                st.setObject(9, run.owner() == null ? null : run.owner().pid());
                st.setString(10, run.owner() == null ? null : run.owner().host());
                st.setString(11, root.relativize(RunFiles.runDir(root, run.id())).toString());
                st.setString(12, summary);
                st.setString(13, config);
                st.setString(14, meta);
                st.executeUpdate();
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM run_tags WHERE run_id = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT OR IGNORE INTO run_tags (run_id, tag) VALUES (?, ?)")) {
                del.setString(1, run.id());
                del.executeUpdate();
                for (String tag : run.tags()) {
                    ins.setString(1, run.id());
                    ins.setString(2, tag);
                    ins.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Re-reads every {@code runs/<id>/run.json} under the root into the index (after a crash between
     * writing a run and indexing it, or to adopt copied-in run directories).
     *
     * @return the number of runs indexed
     */
    public int rebuild() {
        Path runs = root.resolve(RunFiles.RUNS);
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve(RunFiles.META))).toList()) {
                put(RunFiles.readMeta(dir));
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("RunIndex %s: could not list %s", file, runs), e);
        }
        return n;
    }

    private Run reconcile(Run run) {
        Run effective = run.reconciled();
        if (effective != run) {
            put(effective);
        }
        return effective;
    }

    private void createSchema() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("RunIndex: could not create the tracking root %s", root), e);
        }
        inTransaction("create the schema", c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("""
                        CREATE TABLE IF NOT EXISTS runs (
                            id TEXT PRIMARY KEY, name TEXT NOT NULL, experiment TEXT NOT NULL, tags TEXT NOT NULL,
                            seed INTEGER, status TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT,
                            pid INTEGER, host TEXT, dir TEXT NOT NULL, summary TEXT NOT NULL, config TEXT NOT NULL,
                            meta TEXT NOT NULL)""");
                st.executeUpdate("""
                        CREATE TABLE IF NOT EXISTS run_tags (
                            run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, tag TEXT NOT NULL,
                            PRIMARY KEY (run_id, tag))""");
                st.executeUpdate("CREATE INDEX IF NOT EXISTS runs_by_experiment ON runs (experiment, started_at)");
                st.executeUpdate("CREATE INDEX IF NOT EXISTS run_tags_by_tag ON run_tags (tag)");
                st.executeUpdate(String.format("PRAGMA user_version = %d", SCHEMA_VERSION));
            }
            return null;
        });
    }

    /** Runs {@code work} in one transaction on the index file, through FluentDL's one SQLite access layer. */
    private <R> R inTransaction(String what, Database.Work<R> work) {
        try (Database db = Database.open(StorageUrl.sqlite(file), "RunIndex")) {
            return db.transaction(String.format("RunIndex: could not %s", what), work);
        }
    }

    /** Runs read-only {@code work} on the index file; it never waits for a writer (WAL). */
    private <R> R reading(String what, Database.Work<R> work) {
        try (Database db = Database.open(StorageUrl.sqlite(file), "RunIndex")) {
            return db.read(String.format("RunIndex: could not %s", what), work);
        }
    }

    private static List<String> column(PreparedStatement st) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private Run run(String meta) {
        try {
            return Json.MAPPER.readValue(meta, Run.class);
        } catch (JsonProcessingException e) {
            throw failure("read a run's row", e);
        }
    }

    private String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw failure("write a run's row", e);
        }
    }

    private RuntimeException failure(String what, Exception e) {
        return new IllegalStateException(String.format("RunIndex %s: could not %s: %s", file, what, e.getMessage()), e);
    }
}
