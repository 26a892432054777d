package io.fluentdl.experiments.search;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.search.Search;
import io.fluentdl.internal.sql.StorageUrl;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The study options shared by {@code fluentdl search FILE} and {@code fluentdl run mnist-search}
 * (a picocli mixin): where the study lives, its name there, and the heartbeat of running trials.
 * Every process started with the same {@code --storage} and {@code --study} joins the study.
 */
public final class StudyOptions {

    @Option(names = "--storage", paramLabel = "URL", description = "Where the study lives: sqlite:PATH (default: "
            + "sqlite:<out>/<name>/study.db) or postgresql://user:password@host:port/db. Every process started "
            + "with the same URL and --study joins the study and shares its trial budget.")
    private String storage;

    @Option(names = "--study", paramLabel = "NAME", description = "The study's name inside the storage (default: the "
            + "sweep's or experiment's name).")
    private String study;

    @Option(names = "--heartbeat", paramLabel = "SECONDS", description = "Seconds between a running trial's heartbeats "
            + "(default: ${DEFAULT-VALUE}); a trial silent for twice that is failed as stale and run again once.",
            defaultValue = "" + Search.DEFAULT_HEARTBEAT_SECONDS)
    private int heartbeat = Search.DEFAULT_HEARTBEAT_SECONDS;

    /** Checks the values; a bad one is a usage error naming the option. */
    public void validate(CommandLine commandLine) {
        if (heartbeat < 1) {
            throw new ParameterException(commandLine, String.format("--heartbeat must be >= 1 second, got %d.", heartbeat));
        }
        if (study != null && study.isBlank()) {
            throw new ParameterException(commandLine, "--study must not be blank, got ''.");
        }
        if (storage != null) {
            try {
                StorageUrl.parse(storage);
            } catch (InvalidConfigException e) {
                throw new ParameterException(commandLine, String.format("--storage: %s", e.getMessage()));
            }
        }
    }

    /** Whether any of the three was given (a non-search experiment must refuse them). */
    public boolean given() {
        return storage != null || study != null || heartbeat != Search.DEFAULT_HEARTBEAT_SECONDS;
    }

    /** The study these options name: null storage and study mean the run's own SQLite file and name. */
    public SweepRunner.Where where() {
        return new SweepRunner.Where(storage, study, heartbeat);
    }
}
