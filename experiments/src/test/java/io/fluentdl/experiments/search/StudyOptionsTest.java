package io.fluentdl.experiments.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fluentdl.experiments.Experiments;
import io.fluentdl.experiments.testing.Cli;
import io.fluentdl.search.Study;
import io.fluentdl.search.TrialResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --storage, --study and --heartbeat: one mixin on {@code fluentdl search} and {@code fluentdl run mnist-search}. */
class StudyOptionsTest {

    private static void assertUsageError(Cli.Outcome o, String fragment) {
        assertEquals(2, o.exitCode(), o.err() + o.out());
        assertTrue(o.err().contains(fragment), o.err());
    }

    @Test
    void mnistSearchRecordsItsSearchesInTheNamedStudies(@TempDir Path out) throws Exception {
        String url = "sqlite:" + out.resolve("shared.db");
        Cli.Outcome o = Cli.run(Experiments.registry(), "run", "mnist-search", "--quick", "--epochs", "2", "--quiet",
                "--out", out.toString(), "--storage", url, "--study", "s1", "--heartbeat", "5");
        assertEquals(0, o.exitCode(), o.err() + o.out());
        JsonNode r = new ObjectMapper().readTree(out.resolve("mnist-search/results.json").toFile());
        try (Study pruned = Study.open(url, "s1"); Study plain = Study.open(url, "s1-plain")) {
            assertEquals(r.get("pruned_search").get("trials").asInt(), pruned.trials().size());
            assertEquals(r.get("plain_random").get("trials").asInt(), plain.trials().size());
            assertEquals(r.get("plain_random").get("total_epochs").asInt(),
                    plain.trials().stream().mapToInt(TrialResult::epochCount).sum());
        }
        // a second process with the same storage and study joins: every trial is done, so it only reads them
        Cli.Outcome again = Cli.run(Experiments.registry(), "run", "mnist-search", "--quick", "--epochs", "2", "--quiet",
                "--out", out.resolve("second").toString(), "--storage", url, "--study", "s1");
        assertEquals(0, again.exitCode(), again.err() + again.out());
        try (Study pruned = Study.open(url, "s1")) {
            assertEquals(r.get("pruned_search").get("trials").asInt(), pruned.trials().size());
        }
    }

    @Test
    void badValuesAreUsageErrorsOnBothCommands(@TempDir Path out) {
        assertUsageError(Cli.run(Experiments.registry(), "run", "mnist-search", "--heartbeat", "0", "--out",
                out.toString()), "--heartbeat must be >= 1 second, got 0.");
        assertUsageError(Cli.run(Experiments.registry(), "search", "sweeps/mnist-search.yaml",
                "--heartbeat", "0", "--out", out.toString()), "--heartbeat must be >= 1 second, got 0.");
        assertUsageError(Cli.run(Experiments.registry(), "run", "mnist-search", "--storage", "mysql://x", "--out",
                out.toString()), "--storage: ");
        assertUsageError(Cli.run(Experiments.registry(), "run", "bn-case-study", "--storage", "sqlite:x.db", "--out",
                out.toString()), "--storage, --study and --heartbeat apply to search experiments (mnist-search), not to "
                + "'bn-case-study'.");
    }

    @Test
    void bothCommandsTakeTheSameThreeOptions() {
        CommandLine cli = io.fluentdl.experiments.cli.FluentDl.commandLine(Experiments.registry());
        Map<String, String> run = options(cli.getSubcommands().get("run"));
        Map<String, String> search = options(cli.getSubcommands().get("search"));
        assertEquals(search, run);
        assertEquals(List.of("--heartbeat", "--storage", "--study"), run.keySet().stream().sorted().toList());
    }

    private static Map<String, String> options(CommandLine command) {
        return command.getCommandSpec().options().stream()
                .filter(o -> List.of("--storage", "--study", "--heartbeat").contains(o.longestName()))
                .collect(Collectors.toMap(CommandLine.Model.OptionSpec::longestName,
                        o -> String.join(" ", o.description()) + " " + o.defaultValue()));
    }
}
