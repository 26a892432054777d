package io.fluentdl.experiments.sweep;

import io.fluentdl.search.HpKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a sweep parameter is sampled: the {@code distribution:} names of a sweep file, which are the
 * Hp kinds' names ({@link HpKind#key()}: {@code uniform}, {@code log_uniform},
 * {@code one_minus_log_uniform}, {@code int_range}, {@code int_log_range}, {@code choice},
 * {@code fixed}), the same words as the Java factories and results.json; W&amp;B's names are accepted
 * as synonyms ({@code int_uniform}, {@code categorical}, {@code constant}, ...). Unlike W&amp;B, {@code log_uniform}'s min and max are the values themselves (W&amp;B's
 * {@code log_uniform} takes natural-log exponents; its {@code log_uniform_values} is accepted here as
 * a synonym).
 */
public enum Distribution {
    /** Real, uniform in [min, max]: {@code Hp.uniform}. */
    UNIFORM(HpKind.UNIFORM),
    /** Real, log10 uniform in [min, max], min > 0: {@code Hp.logUniform}. */
    LOG_UNIFORM(HpKind.LOG_UNIFORM, "log_uniform_values"),
    /** Real beta in [min, max] with 1 - beta log-uniform: {@code Hp.oneMinusLogUniform}. */
    ONE_MINUS_LOG_UNIFORM(HpKind.ONE_MINUS_LOG_UNIFORM, "inv_log_uniform_values"),
    /** Whole numbers min..max (step {@code q}, default 1): {@code Hp.intRange}. */
    INT_UNIFORM(HpKind.INT_RANGE, "int_uniform", "q_uniform"),
    /** Whole numbers min..max on a log scale: {@code Hp.intLogRange}. */
    INT_LOG_UNIFORM(HpKind.INT_LOG_RANGE, "int_log_uniform", "q_log_uniform_values"),
    /** One of {@code values}: {@code Hp.choice}; the default when {@code values:} is given. */
    CATEGORICAL(HpKind.CHOICE, "categorical"),
    /** Always {@code value}: {@code Hp.fixed}; the default when {@code value:} is given. */
    CONSTANT(HpKind.FIXED, "constant");

    private final HpKind kind;
    private final String key;
    private final List<String> aliases;

    Distribution(HpKind kind, String... aliases) {
        this.kind = kind;
        this.key = kind.key();
        this.aliases = List.of(aliases);
    }

    /** The Hp kind it declares; its key is the kind's ({@link HpKind#key()}). */
    public HpKind kind() {
        return kind;
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
