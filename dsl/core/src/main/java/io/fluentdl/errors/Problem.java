package io.fluentdl.errors;

import java.util.Objects;

/**
 * One thing wrong with a spec: where it is, which parameter, the value given, and the rule it breaks.
 *
 * <p>{@link #message()} renders every error message in one shape, "where: rule, got values. fix.", so a
 * reader finds the place, the broken rule and the offending values in one line. The rule already
 * contains the offending values as {@code name=value}; the fix is empty when there is no single
 * obvious fix.
 *
 * @param where     the place, e.g. {@code Model 'mnist-mlp', layer 1 'dense_1'} or {@code Hp 'lr'}
 * @param parameter the parameter in our vocabulary (units, rate, momentum), or "" for whole-spec rules
 * @param value     the offending value (may be null)
 * @param rule      the broken rule with the values, e.g. {@code units must be >= 1, got units=0}
 * @param fix       how to fix it, or "" when there is no single obvious fix
 */
public record Problem(String where, String parameter, Object value, String rule, String fix) {

    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(rule, "rule");
        fix = fix == null ? "" : fix;
    }

    public static Problem of(String where, String parameter, Object value, String rule) {
        return new Problem(where, parameter, value, rule, "");
    }

    /** The full sentence: {@code where: rule. fix.} */
    public String message() {
        String head = sentence(where.isEmpty() ? rule : String.format("%s: %s", where, rule));
        return fix.isEmpty() ? head : String.format("%s %s", head, sentence(fix));
    }

    /** {@code s} with a full stop, unless it already ends a sentence ("Did you mean 'relu'?" stays as it is). */
    private static String sentence(String s) {
        return s.endsWith(".") || s.endsWith("?") ? s : s + ".";
    }

    @Override
    public String toString() {
        return message();
    }
}
