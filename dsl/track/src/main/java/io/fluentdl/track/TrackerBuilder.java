package io.fluentdl.track;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.ModelSpec;
import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Describes a run before it starts: names, config, tags, seed, provenance, and how much to log. Used once.
 *
 * <pre>{@code
 * Tracker run = Tracker.in(root).experiment("bn-case-study").name("bn-after").config(spec)
 *         .tags("bn", "quick").stepEvery(10).histogramEvery(50).start();
 * }</pre>
 */
public final class TrackerBuilder {

    /** Log a step record every this many iterations unless told otherwise: cheap, and enough for a smooth curve. */
    public static final int DEFAULT_STEP_EVERY = 10;
    /** Histograms are off unless asked for: each one copies the network's parameters. */
    public static final int DEFAULT_HISTOGRAM_EVERY = 0;

    static final String STEP_EVERY = "stepEvery";
    static final String HISTOGRAM_EVERY = "histogramEvery";
    static final String BINS = "bins";

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path root;
    private String name = "run";
    private String experiment = "";
    private final List<String> tags = new ArrayList<>();
    private Long seed;
    private JsonNode config = Json.MAPPER.createObjectNode();
    private Map<String, Object> provenance;
    private int stepEvery = DEFAULT_STEP_EVERY;
    private int histogramEvery = DEFAULT_HISTOGRAM_EVERY;
    private int bins = Histogram.DEFAULT_BINS;

    TrackerBuilder(Path root) {
        this.root = root;
    }

    /** The run's name (a variant, a trial); default "run". */
    public TrackerBuilder name(String name) {
        this.name = nonBlank("name", name);
        return this;
    }

    /** The experiment or search the run belongs to, for {@link RunIndex#query}. */
    public TrackerBuilder experiment(String experiment) {
        this.experiment = nonBlank("experiment", experiment);
        return this;
    }

    public TrackerBuilder tags(String... tags) {
        this.tags.addAll(Arrays.asList(tags));
        return this;
    }

    public TrackerBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The full spec as config; its seed becomes the run's seed unless {@link #seed(long)} says otherwise. */
    public TrackerBuilder config(ModelSpec spec) {
        if (seed == null) {
            seed = spec.seed();
        }
        return configJson(spec.toJson());
    }

    /** Any configuration as a map (values Jackson can write: numbers, strings, lists, maps). */
    public TrackerBuilder config(Map<String, ?> config) {
        this.config = Json.MAPPER.valueToTree(config);
        return this;
    }

    /** A configuration that is already JSON. */
    public TrackerBuilder configJson(String json) {
        try {
            this.config = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(String.format(
                    "Run '%s': config must be JSON, got a parse error: %s", name, e.getOriginalMessage()), e);
        }
        return this;
    }

    /** How the run was made; default {@link SystemInfo#collect()}. Pass {@code Map.of()} for none. */
    public TrackerBuilder provenance(Map<String, ?> provenance) {
        this.provenance = new LinkedHashMap<>(provenance);
        return this;
    }

    /**
     * Log loss, learning rate, samples/s and memory every {@code n} iterations; 0 logs epochs only.
     *
     * @param n iterations between step records, ≥ 0, default {@value #DEFAULT_STEP_EVERY}
     */
    public TrackerBuilder stepEvery(int n) {
        this.stepEvery = atLeast(STEP_EVERY, n, 0);
        return this;
    }

    /**
     * Histograms of every layer's weights, gradients and updates at iterations 0, n, 2n, ...; 0 for none.
     * Between those iterations the listener copies nothing.
     *
     * @param n iterations between histograms, ≥ 0, default {@value #DEFAULT_HISTOGRAM_EVERY} (off)
     */
    public TrackerBuilder histogramEvery(int n) {
        this.histogramEvery = atLeast(HISTOGRAM_EVERY, n, 0);
        return this;
    }

    /** @param bins bins per histogram, ≥ 1, default {@value Histogram#DEFAULT_BINS} */
    public TrackerBuilder bins(int bins) {
        this.bins = atLeast(BINS, bins, 1);
        return this;
    }

    /** Creates the run directory, writes {@code run.json}, indexes the run as RUNNING and returns it live. */
    public Tracker start() {
        Map<String, Integer> tracking = new LinkedHashMap<>();
        tracking.put(STEP_EVERY, stepEvery);
        tracking.put(HISTOGRAM_EVERY, histogramEvery);
        tracking.put(BINS, bins);
        Instant now = Instant.now();
        Path dir = createRunDir(now);
        String id = dir.getFileName().toString();
        Run run = new Run(id, name, experiment, tags, seed, RunStatus.RUNNING, RunFiles.timestamp(now), null,
                ProcessOwner.current(), config, provenance == null ? SystemInfo.collect() : provenance, tracking,
                Map.of(), List.of(), null);
        return new Tracker(root, dir, run);
    }

    private Path createRunDir(Instant now) {
        String slug = SafeName.slug(name);
        try {
            Files.createDirectories(root.resolve(RunFiles.RUNS));
            for (int attempt = 0; ; attempt++) {
                String id = String.format("%s-%s-%04x", ID_TIME.format(now), slug.isEmpty() ? "run" : slug,
                        ThreadLocalRandom.current().nextInt(0x10000));
                try {
                    return Files.createDirectory(RunFiles.runDir(root, id));
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Run '%s': could not create a run directory under %s",
                    name, root.resolve(RunFiles.RUNS)), e);
        }
    }

    private String nonBlank(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidConfigException.of(String.format("Run '%s'", name), parameter, value,
                    String.format("%s must not be blank, got %s='%s'", parameter, parameter, value), "");
        }
        return value;
    }

    private int atLeast(String parameter, int value, int min) {
        return Check.atLeast(String.format("Run '%s'", name), parameter, value, min);
    }
}
