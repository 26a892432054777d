package io.fluentdl.experiments.sweep;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A sweep file that breaks one or more rules: every problem at once, each as
 * {@code sweep.yaml line 12: unknown distribution 'log_uniformm'. Expected one of: ... Did you mean 'log_uniform'?}
 * ({@link Problem#where()} is the file and line).
 */
public final class SweepException extends InvalidConfigException {

    SweepException(List<Problem> problems) {
        super(problems);
    }

    SweepException(List<Problem> problems, Throwable cause) {
        super(problems, cause);
    }

    @Override
    public String getMessage() {
        List<Problem> ps = problems();
        if (ps.size() == 1) {
            return render(ps.get(0));
        }
        return ps.stream().map(p -> "  - " + render(p)).collect(Collectors.joining(String.format("%n"),
                String.format("%d problems in the sweep file:%n", ps.size()), ""));
    }

    private static String render(Problem p) {
        String s = stop(p.where().isEmpty() ? p.rule() : String.format("%s: %s", p.where(), p.rule()));
        return p.fix().isEmpty() ? s : String.format("%s %s", s, stop(p.fix()));
    }

    private static String stop(String s) {
        return s.endsWith(".") || s.endsWith("?") ? s : s + ".";
    }
}
