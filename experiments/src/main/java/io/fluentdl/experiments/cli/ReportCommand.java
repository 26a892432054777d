package io.fluentdl.experiments.cli;

import io.fluentdl.experiments.report.ReportBuilder;
import io.fluentdl.experiments.results.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fluentdl report <dir>}: rebuilds the plots and report.html from results.json, for one run
 * folder or for every run folder in a folder (plus an index page).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"(Re)build report.html and the plots of a run folder from its results.json "
                + "(and provenance.json and the tracked runs, when present), or of every run folder inside "
                + "<dir> plus an index report.html that links them. Trains nothing."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<run-dir>", description = "A folder written by 'fluentdl run' (e.g. "
            + "results/bn-case-study), or a folder of such folders (e.g. results).")
    private Path runDir;

    @Override
    public Integer call() throws Exception {
        if (!ReportBuilder.isRunDir(runDir) && !hasRunDirs(runDir)) {
            throw new ParameterException(spec.commandLine(), String.format(
                    "<run-dir> must be a folder written by 'fluentdl run' (with %s) or a folder of such folders, "
                            + "got %s, which has none.", RunFiles.RESULTS, runDir));
        }
        // the log stays attached after a failure so that the failure handler can point to it
        LogFile.attach(runDir);
        for (Path report : ReportBuilder.buildAll(runDir)) {
            spec.commandLine().getOut().printf("Wrote %s%n", report);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static boolean hasRunDirs(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (java.util.stream.Stream<Path> children = Files.list(dir)) {
            return children.anyMatch(ReportBuilder::isRunDir);
        }
    }
}
