package io.fluentdl.search.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a sweep parameter is sampled: the {@code distribution:} names of a sweep file, after W&amp;B
 * sweeps. Unlike W&amp;B, {@code log_uniform}'s min and max are the values themselves (W&amp;B's
 * {@code log_uniform} takes natural-log exponents; its {@code log_uniform_values} is accepted here as
 * a synonym).
 */
public enum Distribution {
    /** Real, uniform in [min, max]: {@code Hp.uniform}. */
    UNIFORM("uniform"),
    /** Real, log10 uniform in [min, max], min > 0: {@code Hp.logUniform}. */
    LOG_UNIFORM("log_uniform", "log_uniform_values"),
    /** Real beta in [min, max] with 1 - beta log-uniform: {@code Hp.oneMinusLogUniform}. */
    ONE_MINUS_LOG_UNIFORM("one_minus_log_uniform", "inv_log_uniform_values"),
    /** Whole numbers min..max (step {@code q}, default 1): {@code Hp.intRange}. */
    INT_UNIFORM("int_uniform", "q_uniform"),
    /** Whole numbers min..max on a log scale: {@code Hp.intLogRange}. */
    INT_LOG_UNIFORM("int_log_uniform", "q_log_uniform_values"),
    /** One of {@code values}: {@code Hp.choice}; the default when {@code values:} is given. */
    CATEGORICAL("categorical"),
    /** Always {@code value}: {@code Hp.fixed}; the default when {@code value:} is given. */
    CONSTANT("constant");

    private final String key;
    private final List<String> aliases;

    Distribution(String key, String... aliases) {
        this.key = key;
        this.aliases = List.of(aliases);
    }

    public String key() {
        return key;
    }

    /** The distribution named {@code name} (key or alias, any case), or null. */
    public static Distribution find(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Distribution d : values()) {
            if (d.key.equals(n) || d.aliases.contains(n)) {
                return d;
            }
        }
        return null;
    }

    /** The main names, for "expected one of" lists. */
    public static List<String> keys() {
        List<String> out = new ArrayList<>();
        for (Distribution d : values()) {
            out.add(d.key);
        }
        return out;
    }

    /** Whether it needs min and max. */
    public boolean ranged() {
        return this != CATEGORICAL && this != CONSTANT;
    }

    @Override
    public String toString() {
        return key;
    }
}
