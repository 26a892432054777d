package io.fluentdl.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.experiments.Experiments;
import io.fluentdl.experiments.testing.Cli;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The options run, bench, search and report share come from one mixin each: same spelling, default and help. */
class SharedOptionsTest {

    private static final CommandLine CLI = FluentDl.commandLine(Experiments.registry());

    @Test
    void sharedFlagsReadTheSameOnEveryCommand() {
        Map<String, List<String>> commandsByFlag = Map.of(
                "--out", List.of("run", "search", "report"),
                "--quick", List.of("run", "bench"),
                "--backend", List.of("run", "bench"),
                "--fallback-cpu", List.of("run", "bench"),
                "--engine", List.of("run", "bench"),
                "--data", List.of("run", "search"),
                "--quiet", List.of("run", "search"));
        for (Map.Entry<String, List<String>> e : new TreeMap<>(commandsByFlag).entrySet()) {
            String first = describe(e.getValue().get(0), e.getKey());
            for (String command : e.getValue()) {
                assertEquals(first, describe(command, e.getKey()), String.format("%s on %s", e.getKey(), command));
            }
        }
        assertEquals("results", option("report", "--out").defaultValue());
    }

    @Test
    void badEngineIsAUsageErrorOnBenchAsOnRun() {
        for (List<String> args : List.of(List.of("bench", "--engine", "slow"), List.of("run", "toy", "--engine", "slow"))) {
            Cli.Outcome o = Cli.run(Cli.toyRegistry(), args.toArray(String[]::new));
            assertEquals(2, o.exitCode(), o.err());
            assertTrue(o.err().contains("--engine must be fast or stock, got slow."), o.err());
        }
    }

    private static String describe(String command, String flag) {
        OptionSpec o = option(command, flag);
        return String.format("%s %s %s %s", o.paramLabel(), o.defaultValue(), o.type().getName(),
                String.join(" ", o.description()));
    }

    private static OptionSpec option(String command, String flag) {
        OptionSpec o = CLI.getSubcommands().get(command).getCommandSpec().findOption(flag);
        assertTrue(o != null, String.format("%s has no %s", command, flag));
        return o;
    }
}
