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
 * {@code source}: {@code {"no-bn": {"train": 0.838, "test": 0.846}, ..., "source": "..."}}. Besides
 * final train/test accuracy, a variant may have other published numbers by metric name
 * ({@link #withValue}), which sit in the same object: {@code {"momentum-0.9": {"testError": 0.039}}}.
 */
public final class Reference {

    private static final String SOURCE = "source";

    private static final String TRAIN = "train";
    private static final String TEST = "test";

    private final Map<String, TrainTest> values = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> others = new LinkedHashMap<>();
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

    /**
     * Adds another published number of a variant, e.g. {@code withValue("momentum-0.9", "testError", 0.039)};
     * {@code metric} must not be {@code train} or {@code test} (use {@link #with}).
     */
    public Reference withValue(String variant, String metric, double value) {
        if (metric.equals(TRAIN) || metric.equals(TEST)) {
            throw new IllegalArgumentException(String.format(
                    "Reference: '%s' is the final accuracy pair; use with(variant, train, test), got metric=%s", metric, metric));
        }
        others.computeIfAbsent(variant, v -> new LinkedHashMap<>()).put(metric, value);
        return this;
    }

    /** Variant name to its other published numbers by metric name, in insertion order. */
    public Map<String, Map<String, Double>> others() {
        return Collections.unmodifiableMap(others);
    }

    /** A variant's other published number, if there is one. */
    public Optional<Double> value(String variant, String metric) {
        return Optional.ofNullable(others.getOrDefault(variant, Map.of()).get(metric));
    }

    /** Whether there are no published numbers at all. */
    public boolean isEmpty() {
        return values.isEmpty() && others.isEmpty();
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
        Map<String, Object> json = new LinkedHashMap<>();
        values.forEach((variant, pair) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(TRAIN, pair.train());
            entry.put(TEST, pair.test());
            json.put(variant, entry);
        });
        others.forEach((variant, metrics) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) json.computeIfAbsent(variant, v -> new LinkedHashMap<>());
            entry.putAll(metrics);
        });
        json.put(SOURCE, source);
        return json;
    }

    /** Reads the JSON form; every key but {@code source} is a variant with train and test. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Reference fromJson(Map<String, Object> json) {
        Reference reference = from(String.valueOf(json.getOrDefault(SOURCE, "")));
        json.forEach((key, value) -> {
            if (!key.equals(SOURCE) && value instanceof Map<?, ?> pair) {
                if (pair.get(TRAIN) instanceof Number train && pair.get(TEST) instanceof Number test) {
                    reference.with(key, train.doubleValue(), test.doubleValue());
                }
                pair.forEach((metric, number) -> {
                    if (!TRAIN.equals(metric) && !TEST.equals(metric) && number instanceof Number n) {
                        reference.withValue(key, String.valueOf(metric), n.doubleValue());
                    }
                });
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
        return o instanceof Reference r && r.values.equals(values) && r.others.equals(others) && r.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, others, source);
    }

    @Override
    public String toString() {
        return "Reference" + values + (others.isEmpty() ? "" : " " + others) + " source=" + source;
    }
}
