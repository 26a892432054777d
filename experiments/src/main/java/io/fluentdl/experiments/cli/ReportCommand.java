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

/** {@code fluentdl report <run-dir>}: rebuilds the plots and report.html from results.json. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"(Re)build report.html and the plots of a run folder from its results.json "
                + "(and provenance.json, when present). Trains nothing."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<run-dir>", description = "A folder written by 'fluentdl run', e.g. results/bn-case-study.")
    private Path runDir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(RunFiles.results(runDir))) {
            throw new ParameterException(spec.commandLine(), String.format(
                    "<run-dir> must be a folder written by 'fluentdl run' (with %s), got %s, which has none.",
                    RunFiles.RESULTS, runDir));
        }
        // the log stays attached after a failure so that the failure handler can point to it
        LogFile.attach(runDir);
        Path report = ReportBuilder.build(runDir);
        spec.commandLine().getOut().printf("Wrote %s%n", report);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
