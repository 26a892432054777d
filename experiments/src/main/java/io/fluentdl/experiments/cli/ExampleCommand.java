package io.fluentdl.experiments.cli;

import io.fluentdl.examples.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fluentdl example <name> [--quick] [--data DIR] [--epochs N]}: runs one of the examples module's programs. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Run an example program (one idea each; Java, or its Kotlin twin with the -kt suffix).",
        footer = {"", "Run 'fluentdl example list' to see them."})
final class ExampleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the example; 'list' lists them")
    private String name;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "passed to the example: --quick, --data DIR, --epochs N")
    private List<String> args = new ArrayList<>();

    ExampleCommand() {
    }

    @Override
    public Integer call() throws Exception {
        if (name.equals("list")) {
            Examples.all().values().forEach(e -> spec.commandLine().getOut().printf("%-24s %s%n", e.name(), e.description()));
            return 0;
        }
        if (!Examples.all().containsKey(name)) {
            String closest = io.fluentdl.nn.Names.closest(name, List.copyOf(Examples.all().keySet()));
            throw new CommandLine.ParameterException(spec.commandLine(), String.format("Unknown example '%s'.%s Known: %s.",
                    name, closest == null ? "" : String.format(" Did you mean '%s'?", closest),
                    Examples.all().keySet().stream().collect(Collectors.joining(", "))));
        }
        Examples.run(name, args.toArray(String[]::new));
        return 0;
    }
}
