package io.fluentdl.internal.json;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The mapper behind FluentDL's one JSON convention, defined here so that the study (fluentdl-search)
 * and the run store (fluentdl-track, whose {@code io.fluentdl.track.Json} documents the rules and
 * writes the files) share it: non-finite numbers are the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"} and read back as the same doubles; {@code null} read into a {@code double} is
 * NaN, never 0.0; unknown keys are ignored on read.
 */
public final class JsonConvention {

    /** The configured mapper: the rules above. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Jackson's default too; stated because the rule above depends on it
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .addModule(new SimpleModule("fluentdl-nan").addDeserializer(Double.TYPE,
                    new NumberDeserializers.DoubleDeserializer(Double.TYPE, Double.NaN)))
            .build();

    private JsonConvention() {
    }
}
