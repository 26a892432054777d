package io.fluentdl.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.experiments.testing.Cli;
import io.fluentdl.experiments.testing.Cli.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage errors exit with 2 and show the reason and the usage line; help and version exit with 0. */
class CliUsageTest {

    private static Outcome run(String... args) {
        return Cli.run(Cli.toyRegistry(), args);
    }

    private static void assertUsageError(Outcome o, String reasonFragment) {
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains(reasonFragment), o.err());
        assertTrue(o.err().contains("Usage: fluentdl"), o.err());
        assertTrue(o.err().contains("--help' for more information"), o.err());
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        assertUsageError(run("rnu"), "unknown command 'rnu'. Known: list, run, report, example, search, bench. Did you mean 'run'?");
    }

    @Test
    void unknownExampleIsAUsageErrorWithASuggestion() {
        Outcome o = run("example", "case-stdy");
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains("Unknown example 'case-stdy'. Did you mean 'case-study'?"), o.err());
        assertTrue(o.err().contains("Usage: fluentdl example"), o.err());
    }

    @Test
    void exampleFlagsArePassedToTheExample() {
        Outcome o = run("example", "case-study", "--quick");
        assertEquals(0, o.exitCode(), o.err());
    }

    @Test
    void missingCommandIsAUsageError() {
        assertUsageError(run(), "Missing command");
    }

    @Test
    void unknownExperimentListsTheKnownOnesAndSuggests() {
        Outcome o = run("run", "tyo");
        assertUsageError(o, "unknown experiment 'tyo'. Known: toy, all. Did you mean 'toy'?");
        assertTrue(o.err().contains("Usage: fluentdl run"), o.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "-1", "1.5"})
    void badSeedIsAUsageError(String seed) {
        assertUsageError(run("run", "toy", "--seed", seed), "expected a whole number >= 0, got '" + seed + "'");
    }

    @Test
    void zeroEpochsIsAUsageError() {
        assertUsageError(run("run", "toy", "--epochs", "0"), "expected a whole number >= 1, got '0'");
    }

    @Test
    void unknownBackendIsAUsageError() {
        assertUsageError(run("run", "toy", "--backend", "gpu"), "expected cpu or cuda, got 'gpu'");
    }

    @Test
    void missingDataFolderIsAUsageError(@TempDir Path tmp) {
        assertUsageError(run("run", "toy", "--data", tmp.resolve("nope").toString()), "--data must be a folder");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertUsageError(run("run", "toy", "--fast"), "Unknown option: '--fast'");
    }

    @Test
    void reportOfAFolderWithoutResultsIsAUsageError(@TempDir Path tmp) {
        assertUsageError(run("report", tmp.toString()), "must be a folder written by 'fluentdl run'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "list", "run", "report", "search"})
    void helpExitsWithZeroOnEveryCommand(String command) {
        Outcome o = command.isEmpty() ? run("--help") : run(command, "--help");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().startsWith("Usage: fluentdl"), o.out());
    }

    @Test
    void versionNamesFluentDlAndDl4j() {
        Outcome o = run("--version");
        assertEquals(0, o.exitCode());
        assertTrue(o.out().contains("fluentdl "), o.out());
        assertTrue(o.out().contains("Deeplearning4j 1.0.0-M2.1"), o.out());
    }

    @Test
    void listShowsOneLinePerExperiment() {
        Outcome o = run("list");
        assertEquals(0, o.exitCode());
        assertEquals("toy  Synthetic curves for tests; trains nothing.\n", o.out().replace("\r\n", "\n"));
    }
}
