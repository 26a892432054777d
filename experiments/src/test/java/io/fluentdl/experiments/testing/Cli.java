package io.fluentdl.experiments.testing;

import io.fluentdl.experiments.ExperimentRegistry;
import io.fluentdl.experiments.cli.FluentDl;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
public final class Cli {

    /** What one invocation did. */
    public record Outcome(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    /** Runs {@code args} against {@code registry}. */
    public static Outcome run(ExperimentRegistry registry, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FluentDl.commandLine(registry);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** A registry with the toy experiment only. */
    public static ExperimentRegistry toyRegistry() {
        return new ExperimentRegistry().add(ToyExperiment::new);
    }
}
