package io.fluentdl.schedule;

import io.fluentdl.errors.InvalidConfigException;

/** Cross-field rules for schedule specs, each reported as "where: rule, got values." (see {@link io.fluentdl.errors.Problem}). */
final class Rule {

    private Rule() {
    }

    /**
     * Throws unless {@code ok}. {@code rule} is a format whose arguments are {@code args}; it must
     * name every offending value as {@code name=value}.
     */
    static void require(boolean ok, String where, String parameter, Object value, String rule, Object... args) {
        if (!ok) {
            throw InvalidConfigException.of(where, parameter, value, String.format(rule, args), "");
        }
    }

    /** A finite {@code value > 0} that is at most 1: a decay factor or multiplier. */
    static double factor(String where, String parameter, double value) {
        require(value > 0 && value <= 1, where, parameter, value,
                "%s must be in (0, 1], got %s=%s", parameter, parameter, value);
        return value;
    }
}
