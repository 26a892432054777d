package io.fluentdl.track;

import java.util.ArrayList;
import java.util.List;

/**
 * Which runs {@link RunIndex#query} returns; every condition set must hold (null means any).
 *
 * <pre>{@code
 * RunQuery.experiment("bn-case-study").tag("bn").status(RunStatus.FINISHED)
 * }</pre>
 *
 * @param experiment exact experiment name, or null
 * @param name       exact run name, or null
 * @param tags       tags the run must all carry
 * @param status     effective status (INTERRUPTED includes RUNNING runs whose process died), or null
 */
public record RunQuery(String experiment, String name, List<String> tags, RunStatus status) {

    public RunQuery {
        tags = List.copyOf(tags);
    }

    /** No condition: every run. */
    public static RunQuery any() {
        return new RunQuery(null, null, List.of(), null);
    }

    public static RunQuery experiment(String experiment) {
        return any().inExperiment(experiment);
    }

    public RunQuery inExperiment(String experiment) {
        return new RunQuery(experiment, name, tags, status);
    }

    public RunQuery named(String name) {
        return new RunQuery(experiment, name, tags, status);
    }

    /** Also requires {@code tag}. */
    public RunQuery tag(String tag) {
        List<String> more = new ArrayList<>(tags);
        more.add(tag);
        return new RunQuery(experiment, name, more, status);
    }

    public RunQuery status(RunStatus status) {
        return new RunQuery(experiment, name, tags, status);
    }
}
