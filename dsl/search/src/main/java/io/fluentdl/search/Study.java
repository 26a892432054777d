package io.fluentdl.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.internal.sql.Database;
import io.fluentdl.internal.sql.StorageUrl;
import io.fluentdl.search.storage.StoredTrial;
import io.fluentdl.search.storage.StudyStore;
import io.fluentdl.search.storage.TrialQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A persistent record of one search: the space, the sampler, and every trial's parameters, state,
 * score, worker, timings and per-epoch metrics, written as the search runs, in an SQLite file
 * ({@code sqlite:PATH}, the default) or a PostgreSQL database that workers on many machines share
 * ({@code postgresql://user:password@host:port/db}).
 *
 * <p>Any number of processes running the same search on the same study cooperate, as with Optuna's
 * RDB storage ({@link TrialQueue}): each numbers and claims its next trial in one transaction, so
 * the budget is the study's; TPE and the pruners read every worker's trials; a running trial's
 * heartbeat is stamped with the database's clock, and a trial whose worker died is failed as
 * {@code stale} and its point queued again once. A search given a study with {@link Search#resume()}
 * keeps the finished trials and runs the rest.
 *
 * <p>A resumed search must match the study's space, sampler, direction, pruner
 * ({@link Pruner#describe()}) and objective ({@link TrialObjective#describe()}), so one study never
 * mixes trials run to different rules or budgets. Older files are migrated in place.
 *
 * <pre>{@code
 * try (Study study = Study.open("postgresql://fluentdl:secret@db:5432/studies", "bn-search")) {
 *     SearchResult<ModelSpec> result = RandomSearch.over(space).study(study).resume()...run();
 * }
 * }</pre>
 */
public final class Study implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Study.class);

    private final String name;
    private final Database db;
    private final StudyStore store;
    private final TrialQueue queue;

    private Study(String name, Database db) {
        this.name = name;
        this.db = db;
        try {
            this.store = new StudyStore(db, name);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        this.queue = new TrialQueue(store);
    }

    /** Opens (creating if needed) the SQLite file and the study {@code name} in it. */
    public static Study open(Path file, String name) {
        return open(StorageUrl.sqlite(file), name);
    }

    /**
     * Opens the study {@code name} at {@code url}: {@code sqlite:PATH} or
     * {@code postgresql://user:password@host:port/db}; tables are created or migrated on first use.
     */
    public static Study open(String url, String name) {
        return open(StorageUrl.parse(url), name);
    }

    static Study open(StorageUrl url, String name) {
        if (name == null || name.isBlank()) {
            throw InvalidConfigException.of("Study", "name", name, "a study name is required", "");
        }
        return new Study(name, Database.open(url, String.format("Study '%s'", name)));
    }

    /** The study of a search given none: an in-memory database for this process's workers. */
    static Study inMemory(String name) {
        return open(StorageUrl.memory(), name);
    }

    /**
     * Records the search's definition, or checks that a resumed search matches it. A study created
     * before pruners (schema version 1) or objectives (version 2) were stored has none to check: it
     * resumes with one warning naming what cannot be checked.
     *
     * @throws InvalidConfigException if the study exists with another space, sampler, direction, pruner or objective
     */
    void begin(String spaceJson, String sampler, String direction, String pruner, String objective) {
        Map<String, String> mine = new LinkedHashMap<>();
        mine.put("space", spaceJson);
        mine.put("sampler", sampler);
        mine.put("direction", direction);
        mine.put("pruner", pruner);
        mine.put("objective", objective);
        Map<String, String> stored = store.begin(mine);
        List<String> differs = new ArrayList<>();
        compare(differs, "space", stored.get("space"), spaceJson);
        compare(differs, "sampler", stored.get("sampler"), sampler);
        compare(differs, "direction", stored.get("direction"), direction);
        Map<String, String> unrecorded = new LinkedHashMap<>();
        compareRecorded(differs, unrecorded, "pruner", stored.get("pruner"), pruner);
        compareRecorded(differs, unrecorded, "objective", stored.get("objective"), objective);
        if (!differs.isEmpty()) {
            throw InvalidConfigException.of(where(), "study", name, String.format(
                    "was created by another search; %s", String.join("; ", differs)),
                    "Use a new study name, or the search that created it");
        }
        warnUnrecorded(unrecorded);
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
                String.join(" and ", values), unrecorded.size() == 1 ? "one" : "ones", file() != null ? file() : url(), names));
    }

    private static void compare(List<String> differs, String what, String stored, String now) {
        if (!stored.equals(now)) {
            differs.add(String.format("its %s was %s, this search's is %s", what, stored, now));
        }
    }

    TrialQueue.Claim claim(int perRound, int rounds, String worker, long graceMillis) {
        return queue.claim(perRound, rounds, worker, graceMillis);
    }

    void heartbeat(Collection<Integer> numbers) {
        queue.heartbeat(numbers);
    }

    /** How many trials run now with a fresh heartbeat (workers that are alive). */
    int live(long graceMillis) {
        return queue.live(graceMillis);
    }

    /** Records the point claimed trial {@code number} drew. */
    void started(int number, int round, Map<String, Object> params, double[] units) {
        store.started(number, round, StudyJson.params(params), StudyJson.write(units));
    }

    /** Stores the metrics of one epoch of trial {@code number}. */
    void epoch(int number, int epoch, Map<String, Double> metrics) {
        store.epoch(number, epoch, metrics);
    }

    /** Records how trial {@code number} ended; false if another worker failed it as stale meanwhile. */
    boolean finished(int number, TrialStatus status, double score, String reason, long millis) {
        return store.finished(number, status.name(), score, reason, millis);
    }

    /** Every reported value of {@code metric} as (trial, epoch, value) triples, for the pruners. */
    List<double[]> values(String metric) {
        return store.values(metric);
    }

    /**
     * A stored trial, with metrics by epoch. Params are rebuilt from {@code units} (empty while a
     * claimed trial has not drawn its point).
     *
     * @param slot   the budget position it fills: the sampler's index; a stale trial's retry has its slot
     * @param worker host:pid of the process that ran it
     */
    record Row(int number, int round, double[] units, TrialStatus status, double score, String reason, long millis,
               SortedMap<Integer, Map<String, Double>> epochs, int slot, String worker) {
    }

    /** Every trial of this study, by number. */
    Map<Integer, Row> rows() {
        Map<Integer, Row> rows = new TreeMap<>();
        try {
            for (StoredTrial t : store.trials().values()) {
                rows.put(t.number(), new Row(t.number(), t.round(), StudyJson.units(t.units()),
                        TrialStatus.valueOf(t.status()), t.score(), t.reason(), t.millis(), t.epochs(), t.slot(),
                        t.worker()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(String.format("%s: unreadable trial: %s", where(), e.getMessage()), e);
        }
        return rows;
    }

    /**
     * What the study records about its search: {@code space} (JSON), {@code sampler}, {@code direction}
     * (MAXIMIZE or MINIMIZE), {@code pruner} and {@code objective}; empty if no search has begun it.
     */
    public Map<String, String> definition() {
        return store.definition();
    }

    /**
     * Every trial of the study, from any worker, with its stored parameters (JSON values: numbers,
     * booleans, strings): what {@code fluentdl report --storage URL --study NAME} shows, from any machine.
     */
    public List<TrialResult> trials() {
        List<TrialResult> out = new ArrayList<>();
        try {
            for (StoredTrial t : store.trials().values()) {
                out.add(new TrialResult(t.number(), t.round(), StudyJson.readParams(t.params()), StudyJson.units(t.units()),
                        TrialStatus.valueOf(t.status()), t.score(), t.reason(), t.epochs(), t.millis(), t.worker(),
                        t.slot()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(String.format("%s: unreadable trial: %s", where(), e.getMessage()), e);
        }
        return out;
    }

    /** Every trial's stored parameters (as JSON values), by number: for reports and tools. */
    public Map<Integer, Map<String, Object>> storedParams() {
        Map<Integer, Map<String, Object>> out = new TreeMap<>();
        try {
            for (StoredTrial t : store.trials().values()) {
                out.put(t.number(), StudyJson.readParams(t.params()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(String.format("%s: unreadable params: %s", where(), e.getMessage()), e);
        }
        return out;
    }

    private String where() {
        return String.format("Study '%s'", name);
    }

    public String name() {
        return name;
    }

    /** Where the study lives, password masked: {@code sqlite:PATH} or {@code postgresql://user:***@host:port/db}. */
    public String url() {
        return db.url().display();
    }

    /** The SQLite file, or null for PostgreSQL and in-memory studies. */
    public Path file() {
        return db.url().file();
    }

    @Override
    public void close() {
        db.close();
    }
}
