package io.fluentdl.experiments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The experiments {@code ./fluentdl} knows, by name, in the order {@code list} and {@code run all}
 * use. Experiments are created on demand, so listing them loads no ND4J.
 */
public final class ExperimentRegistry {

    /** The name that means "every experiment" on the command line. */
    public static final String ALL = "all";

    private final Map<String, Supplier<Experiment>> factories = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();

    /** Registers an experiment; its {@link ExperimentInfo} is read once from a fresh instance. */
    public ExperimentRegistry add(Supplier<Experiment> factory) {
        ExperimentInfo info = factory.get().info();
        if (info.name().equals(ALL) || factories.containsKey(info.name())) {
            throw new IllegalArgumentException(String.format(
                    "ExperimentRegistry: names must be unique and not '%s', got name=%s", ALL, info.name()));
        }
        factories.put(info.name(), factory);
        descriptions.put(info.name(), info.description());
        return this;
    }

    /** Names in registration order. */
    public List<String> names() {
        return List.copyOf(factories.keySet());
    }

    /** Name to one-line description, in registration order. */
    public Map<String, String> descriptions() {
        return Collections.unmodifiableMap(descriptions);
    }

    /** A new instance of the named experiment, if there is one. */
    public Optional<Experiment> create(String name) {
        return Optional.ofNullable(factories.get(name)).map(Supplier::get);
    }

    /** Every experiment, new instances, in registration order. */
    public List<Experiment> createAll() {
        List<Experiment> all = new ArrayList<>();
        factories.values().forEach(f -> all.add(f.get()));
        return all;
    }
}
