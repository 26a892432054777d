package io.fluentdl.experiments.cli;

import io.fluentdl.experiments.report.ReportBuilder;
import io.fluentdl.experiments.search.StudyResults;
import io.fluentdl.search.Study;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
                + "<dir> plus an index report.html that links them; or, with --storage URL --study NAME, of a "
                + "study in a shared storage. Trains nothing."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<run-dir>", arity = "0..1", description = "A folder written by 'fluentdl run' (e.g. "
            + "results/bn-case-study), or a folder of such folders (e.g. results).")
    private Path runDir;

    @Option(names = "--storage", paramLabel = "URL", description = "Build the report of a study in this storage "
            + "instead (sqlite:PATH or postgresql://user:password@host:port/db), from any machine; needs --study.")
    private String storage;

    @Option(names = "--study", paramLabel = "NAME", description = "The study to report, with --storage.")
    private String study;

    /** Used with --storage only: the study's report goes to {@code <out>/<study>/}. */
    @Mixin
    private SharedOptions.Out out = new SharedOptions.Out();

    @Override
    public Integer call() throws Exception {
        if (storage != null || study != null) {
            return fromStorage();
        }
        if (runDir == null) {
            throw new ParameterException(spec.commandLine(), "give a <run-dir>, or --storage URL --study NAME.");
        }
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

    /** results.json from the study's rows, then the report, in {@code <out>/<study>/}. */
    private Integer fromStorage() throws Exception {
        if (storage == null || study == null) {
            throw new ParameterException(spec.commandLine(), String.format("--storage and --study go together, got "
                    + "--storage=%s, --study=%s.", storage, study));
        }
        Map<String, Object> results;
        try (Study s = Study.open(storage, study)) {
            results = StudyResults.of(s);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path dir = out.create(study);
        Json.write(dir.resolve(RunFiles.RESULTS), results);
        spec.commandLine().getOut().printf("Wrote %s%n", ReportBuilder.build(dir));
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
