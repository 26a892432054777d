package io.fluentdl.experiments.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.results.ExperimentOutput;
import io.fluentdl.track.Json;
import io.fluentdl.track.SystemInfo;
import io.fluentdl.experiments.results.Provenance;
import io.fluentdl.experiments.results.VariantSpec;
import java.time.Instant;
import java.util.List;

/**
 * Gathers {@link Provenance} after a run: the machine from the tracker's one record of it
 * ({@link SystemInfo}, read once per process), the native build the launcher chose, the specs.
 */
public final class ProvenanceCollector {

    private ProvenanceCollector() {
    }

    /** Provenance of a finished run; call after training, when ND4J is loaded. */
    public static Provenance collect(String experiment, RunContext context, ExperimentOutput output,
                                     Instant start, Instant end) {
        SystemInfo machine = SystemInfo.current();
        Provenance.BackendInfo backend = new Provenance.BackendInfo(context.backend().cliName(),
                machine.nd4jBackend(), NativeBackend.nativeBuild(),
                NativeBackend.nativeLibrary().orElse("not loaded"), NativeBackend.choiceLine(),
                machine.environment());
        List<Provenance.Variant> variants = output.specs().stream().map(ProvenanceCollector::variant).toList();
        return new Provenance(experiment, String.join(" ", context.commandLine()), start.toString(), end.toString(),
                context.seeds(), context.epochs(), Versions.fluentdl(), machine.dl4jVersion(), machine.java(),
                machine.os(), machine.arch(), machine.cpu(), machine.gpu(), backend, variants,
                output.results() == null ? null : output.results().dataset()); // own-output experiments have none
    }

    private static Provenance.Variant variant(VariantSpec spec) {
        return new Provenance.Variant(spec.name(), parse(spec), spec.summary());
    }

    /** The spec JSON as a tree, so provenance.json embeds it as JSON rather than as a string. */
    private static JsonNode parse(VariantSpec spec) {
        try {
            return Json.MAPPER.readTree(spec.json());
        } catch (JsonProcessingException e) {
            return Json.MAPPER.getNodeFactory().textNode(spec.json());
        }
    }
}
