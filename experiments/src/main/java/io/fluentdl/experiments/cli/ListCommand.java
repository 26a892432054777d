package io.fluentdl.experiments.cli;

import io.fluentdl.experiments.ExperimentRegistry;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fluentdl list}: the experiments, one line each. Starts no ND4J. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the experiments, one line each.")
final class ListCommand implements Callable<Integer> {

    private final ExperimentRegistry registry;

    @Spec
    private CommandSpec spec;

    ListCommand(ExperimentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = registry.names().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, String> e : registry.descriptions().entrySet()) {
            out.printf("%-" + Math.max(1, width) + "s  %s%n", e.getKey(), e.getValue());
        }
        out.flush();
        return 0;
    }
}
