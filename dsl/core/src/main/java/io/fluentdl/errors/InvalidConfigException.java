package io.fluentdl.errors;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec that breaks one or more rules. Cross-field checks collect every problem before throwing,
 * so a user fixes them all in one pass; single-argument checks throw at the call with one problem.
 */
public class InvalidConfigException extends IllegalArgumentException {

    private final List<Problem> problems;

    public InvalidConfigException(List<Problem> problems) {
        this(problems, null);
    }

    public InvalidConfigException(List<Problem> problems, Throwable cause) {
        super(render(problems), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidConfigException(Problem problem) {
        this(List.of(problem));
    }

    /**
     * One exception for a single broken rule: what a single-argument check throws at the call, so the
     * stack trace points at the wrong line (cross-field rules are collected and reported together).
     */
    public static InvalidConfigException of(String where, String parameter, Object value, String rule, String fix) {
        return new InvalidConfigException(new Problem(where, parameter, value, rule, fix));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).message();
        }
        return problems.stream()
                .map(p -> "  - " + p.message())
                .collect(Collectors.joining("\n", String.format("%d problems:%n", problems.size()), ""));
    }
}
