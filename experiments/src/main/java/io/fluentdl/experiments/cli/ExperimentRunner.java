package io.fluentdl.experiments.cli;

import io.fluentdl.experiments.Experiment;
import io.fluentdl.experiments.OwnOutputExperiment;
import io.fluentdl.experiments.ResultsExperiment;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.progress.Progress;
import io.fluentdl.experiments.report.ConsoleTable;
import io.fluentdl.experiments.report.ReportBuilder;
import io.fluentdl.experiments.results.ExperimentOutput;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.MetricsCsv;
import io.fluentdl.experiments.results.Provenance;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.runtime.NativeBackend;
import io.fluentdl.experiments.runtime.ProvenanceCollector;
import io.fluentdl.experiments.search.StudyExperiment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one experiment and writes its folder: results.json, metrics.csv, provenance.json, plots and
 * report.html, then prints the table. The same for every experiment, so experiments stay thin.
 */
final class ExperimentRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final RunOptions options;
    private final PrintWriter out;

    ExperimentRunner(RunOptions options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    /** Runs {@code experiment}; returns its output folder. */
    Path run(Experiment experiment) throws Exception {
        Path dir = options.out().resolve(experiment.info().name());
        boolean existed = Files.isDirectory(dir);
        Files.createDirectories(dir);
        // a run killed between writing and renaming leaves .<file>.<pid>-<random>.tmp files (results, run.json)
        io.fluentdl.internal.files.TempFiles.cleanLeftovers(dir, 3);
        try {
            return runIn(dir, experiment);
        } catch (Exception | Error e) {
            if (!existed) {
                OutFolder.deleteIfNoFiles(dir); // e.g. a data error before anything was written
            }
            throw e;
        }
    }

    /**
     * Whether {@code dir} holds an earlier run of an experiment (results or tracked runs), which only
     * {@code --resume} may continue: without it a second run would retrain and append to its runs.db.
     */
    static boolean used(Path dir) throws IOException {
        if (Files.exists(RunFiles.results(dir))) {
            return true;
        }
        Path runs = dir.resolve(io.fluentdl.track.RunFiles.RUNS);
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (java.util.stream.Stream<Path> children = Files.list(runs)) {
            return children.findAny().isPresent();
        }
    }

    private Path runIn(Path dir, Experiment experiment) throws Exception {
        String name = experiment.info().name();
        RunContext context = new RunContext(dir, options.seedsFor(experiment), options.epochsFor(experiment), options.quick(),
                options.data(), options.quiet(), options.backend(), Progress.choose(options.quiet(), out),
                options.commandLine(), options.resume(), options.datasetName());
        LOG.info("run {}: seeds={} epochs={} quick={} out={}", name, context.seeds(), context.epochs(),
                context.quick(), dir.toAbsolutePath());
        String nativeChoice = NativeBackend.choiceLine();
        LOG.info(nativeChoice);
        if (!options.quiet()) {
            if (experiment instanceof ResultsExperiment) {
                out.printf("%s: %d seeds x %d epochs per variant. %s%n", name, context.seeds().size(), context.epochs(),
                        nativeChoice);
            } else {
                // these use the seeds their own way (all, the first, or none): their summary says how
                out.printf("%s: %s%n", name, nativeChoice);
            }
            out.flush();
        }
        Instant start = Instant.now();
        // Experiment is sealed: these are its two shapes (Java 17 has no pattern switch)
        if (experiment instanceof ResultsExperiment results) {
            runResults(dir, results, context, start);
        } else if (experiment instanceof OwnOutputExperiment own) {
            out.print(options.study().isPresent() && own instanceof StudyExperiment s
                    ? s.runAndWrite(context, options.study().get()) : own.runAndWrite(context));
            out.printf("%nWrote %s in %.1f s.%n", dir, (Instant.now().toEpochMilli() - start.toEpochMilli()) / 1000.0);
            out.flush();
        }
        return dir;
    }

    private void runResults(Path dir, ResultsExperiment experiment, RunContext context, Instant start) throws Exception {
        String name = experiment.info().name();
        ExperimentOutput output = experiment.run(context);
        Instant end = Instant.now();
        check(name, context, output.results());
        write(dir, output, ProvenanceCollector.collect(name, context, output, start, end));
        out.println();
        out.print(ConsoleTable.render(output.results()));
        out.printf("%nWrote %s (%s, %s, %s, %s, %s/); training took %.1f s.%n", dir, RunFiles.RESULTS, RunFiles.METRICS,
                RunFiles.PROVENANCE, RunFiles.REPORT, ReportBuilder.PLOTS,
                (end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
        out.flush();
        LOG.info("run {} finished in {} ms", name, end.toEpochMilli() - start.toEpochMilli());
    }

    /** The results must describe the run that was asked for; a mismatch is a bug in the experiment. */
    private static void check(String experiment, RunContext context, Results results) {
        if (!results.experiment().equals(experiment) || !results.seeds().equals(context.seeds())
                || results.epochs() != context.epochs()) {
            throw new IllegalStateException(String.format(
                    "Experiment '%s' returned results for experiment=%s, seeds=%s, epochs=%d; the run asked for seeds=%s, epochs=%d.",
                    experiment, results.experiment(), results.seeds(), results.epochs(), context.seeds(),
                    context.epochs()));
        }
    }

    private static void write(Path dir, ExperimentOutput output, Provenance provenance) throws IOException {
        Json.write(RunFiles.results(dir), output.results());
        MetricsCsv.write(dir, output.results());
        Json.write(RunFiles.provenance(dir), provenance);
        ReportBuilder.build(dir);
    }
}
