package io.fluentdl.experiments.cli;

import io.fluentdl.experiments.ExperimentRegistry;
import io.fluentdl.experiments.Experiments;
import io.fluentdl.experiments.search.SearchCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code fluentdl}: runs the FluentDL experiments and builds their reports. Entry point of the
 * launcher script {@code ./fluentdl}.
 */
@Command(name = "fluentdl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Reproducible FluentDL experiments on Deeplearning4j: run them, and report on the results.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Exit codes: 0 ok, 2 bad usage, 1 failure (details in <out>/fluentdl.log).",
                "Run 'fluentdl COMMAND --help' for a command's options."})
public final class FluentDl implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        // the command draws its own progress bars: models it trains print no per-epoch lines unless asked
        if (System.getProperty(io.fluentdl.Model.VERBOSE_PROPERTY) == null) {
            System.setProperty(io.fluentdl.Model.VERBOSE_PROPERTY, "0");
        }
        System.exit(commandLine(Experiments.registry()).execute(args));
    }

    /**
     * The command line with every subcommand and our exit-code handling; tests call
     * {@code execute} on it in-process.
     */
    public static CommandLine commandLine(ExperimentRegistry registry) {
        CommandLine cli = new CommandLine(new FluentDl())
                .addSubcommand(new ListCommand(registry))
                .addSubcommand(new RunCommand(registry))
                .addSubcommand(new ReportCommand())
                .addSubcommand(new ExampleCommand())
                .addSubcommand(new SearchCommand())
                .addSubcommand(new io.fluentdl.experiments.bench.BenchCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new FailureHandler());
        cli.setUsageHelpAutoWidth(true);
        // `example NAME --quick`: the example parses its own flags
        cli.getSubcommands().get("example").setUnmatchedOptionsArePositionalParams(true);
        return cli;
    }

    /** {@code fluentdl} without a command is a usage error: there is nothing sensible to do. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), String.format(
                "Missing command: choose one of %s.", String.join(", ", spec.subcommands().keySet())));
    }
}
