package io.fluentdl.track;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code run.json} holds: everything about a run except its metric and histogram series. Written by
 * the {@link Tracker} when the run starts and whenever its status changes; read by {@link RunReader} and
 * indexed by {@link RunIndex}.
 *
 * @param id          unique, sortable by start time: {@code yyyyMMdd-HHmmss-<name>-<4 hex>}
 * @param name        human name of the run (a variant, a trial)
 * @param experiment  the experiment or search it belongs to (W&amp;B's project), may be empty
 * @param tags        free labels for querying
 * @param seed        the seed the run was made with, or null when the caller did not say
 * @param status      as last written by the owning process; see {@link #effectiveStatus()}
 * @param startedAt   ISO-8601 UTC instant
 * @param endedAt     ISO-8601 UTC instant, null while running
 * @param owner       the writing process, to detect runs that died without a word
 * @param config      the full configuration (a model spec's JSON, or any map)
 * @param provenance  how the run was made: versions, OS, CPU, backend (see {@link SystemInfo})
 * @param tracking    what the tracker logs: {@code stepEvery}, {@code histogramEvery}, {@code bins}
 * @param summary     final metrics: the last epoch's values and whatever the caller added at finish
 * @param artifacts   file names under {@code artifacts/}
 * @param error       why the run failed or was interrupted, null otherwise
 */
public record Run(String id, String name, String experiment, List<String> tags, Long seed, RunStatus status,
                  String startedAt, String endedAt, ProcessOwner owner, JsonNode config,
                  Map<String, Object> provenance, Map<String, Integer> tracking, Map<String, Double> summary,
                  List<String> artifacts, String error) {

    public Run {
        tags = tags == null ? List.of() : List.copyOf(tags);
        provenance = provenance == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        tracking = tracking == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tracking));
        summary = summary == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        config = config == null ? Json.MAPPER.createObjectNode() : config.deepCopy();
        experiment = experiment == null ? "" : experiment;
    }

    /**
     * The status a reader should believe: {@link RunStatus#INTERRUPTED} for a RUNNING run whose owning
     * process is gone (it was killed before it could say so), else {@link #status()}.
     */
    public RunStatus effectiveStatus() {
        return status == RunStatus.RUNNING && owner != null && owner.isGone() ? RunStatus.INTERRUPTED : status;
    }

    /** This run as a reader should see it: status replaced by {@link #effectiveStatus()}. */
    public Run reconciled() {
        RunStatus effective = effectiveStatus();
        return effective == status ? this : new Run(id, name, experiment, tags, seed, effective, startedAt, endedAt,
                owner, config, provenance, tracking, summary, artifacts,
                String.format("process pid=%d on host '%s' ended while the run was RUNNING (killed or crashed)",
                        owner.pid(), owner.host()));
    }

    Run ended(RunStatus newStatus, String endTime, Map<String, Double> finalSummary, List<String> files, String why) {
        return new Run(id, name, experiment, tags, seed, newStatus, startedAt, endTime, owner, config, provenance,
                tracking, finalSummary, files, why);
    }
}
