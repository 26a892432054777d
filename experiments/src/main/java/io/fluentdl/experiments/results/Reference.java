package io.fluentdl.experiments.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Published numbers an experiment is compared with. In JSON the variants are keys next to
 * {@code source}: {@code {"no-bn": {"train": 0.838, "test": 0.846}, ..., "source": "..."}}.
 */
public final class Reference {

    private static final String SOURCE = "source";

    private final Map<String, TrainTest> values = new LinkedHashMap<>();
    private String source = "";

    /** No reference numbers. */
    public static Reference none() {
        return new Reference();
    }

    /** Reference numbers from {@code source} (a citation, one line). */
    public static Reference from(String source) {
        Reference reference = new Reference();
        reference.source = source;
        return reference;
    }

    /** Adds a variant's published train/test accuracy. */
    public Reference with(String variant, double train, double test) {
        values.put(variant, new TrainTest(train, test));
        return this;
    }

    /** Where the numbers come from (a citation, one line). */
    public String source() {
        return source;
    }

    /** Variant name to reference accuracies, in insertion order. */
    public Map<String, TrainTest> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The JSON form: the variants in order, then {@code source}. */
    @JsonValue
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>(values);
        json.put(SOURCE, source);
        return json;
    }

    /** Reads the JSON form; every key but {@code source} is a variant with train and test. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Reference fromJson(Map<String, Object> json) {
        Reference reference = from(String.valueOf(json.getOrDefault(SOURCE, "")));
        json.forEach((key, value) -> {
            if (!key.equals(SOURCE) && value instanceof Map<?, ?> pair) {
                reference.with(key, ((Number) pair.get("train")).doubleValue(), ((Number) pair.get("test")).doubleValue());
            }
        });
        return reference;
    }

    /** The reference for one variant, if published. */
    public Optional<TrainTest> of(String variant) {
        return Optional.ofNullable(values.get(variant));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reference r && r.values.equals(values) && r.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, source);
    }

    @Override
    public String toString() {
        return "Reference" + values + " source=" + source;
    }
}
