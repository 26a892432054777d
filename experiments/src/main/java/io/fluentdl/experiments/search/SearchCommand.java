package io.fluentdl.experiments.search;

import io.fluentdl.ModelSpec;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.experiments.Backend;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.cli.SharedOptions;
import io.fluentdl.track.SafeName;
import io.fluentdl.internal.files.TempFiles;
import io.fluentdl.experiments.progress.Progress;
import io.fluentdl.experiments.progress.ProgressTask;
import io.fluentdl.experiments.report.ReportBuilder;
import io.fluentdl.search.SearchResult;
import io.fluentdl.search.TrialStatus;
import io.fluentdl.experiments.sweep.Sweep;
import io.fluentdl.experiments.sweep.SweepException;
import io.fluentdl.experiments.sweep.SweepParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code fluentdl search <sweep.yaml>}: runs a YAML sweep (see {@link SweepParser}) with a progress
 * bar showing the best score so far, records it in {@code <out>/<sweep-name>/study.db}, and writes
 * results.json, metrics.csv, provenance.json, plots/ and report.html there.
 */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a hyperparameter sweep from a YAML file and write <out>/<sweep-name>/: study.db, "
                + "results.json, metrics.csv, provenance.json, plots/ and report.html."})
public final class SearchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<sweep.yaml>", description = "The sweep file, e.g. experiments/sweeps/mnist-search.yaml.")
    private Path file;

    @Option(names = "--trials", paramLabel = "N", description = "Trials per round (default: the file's).")
    private Integer trials;

    @Option(names = "--workers", paramLabel = "N", description = "Trials at once; ND4J's threads are shared among them "
            + "(default: the file's).")
    private Integer workers;

    @Option(names = "--resume", description = "Continue the study in <out>/<sweep-name>/study.db: keep finished "
            + "trials, rerun interrupted ones, run the rest.")
    private boolean resume;

    @Mixin
    private StudyOptions studyOptions = new StudyOptions();

    @Mixin
    private SharedOptions.Out out = new SharedOptions.Out();

    @Mixin
    private SharedOptions.Data data = new SharedOptions.Data();

    @Mixin
    private SharedOptions.Quiet quiet = new SharedOptions.Quiet();

    @Override
    public Integer call() throws Exception {
        Sweep sweep = parse();
        PrintWriter console = spec.commandLine().getOut();
        out.create("");
        // the name comes from the file: it must map to one folder inside --out ("../x", "/abs", "a/b" must not escape)
        String folder = SafeName.segment(sweep.name());
        if (!folder.equals(sweep.name())) {
            console.printf("Sweep name '%s' is not a safe folder name: writing to %s.%n", sweep.name(), out.path().resolve(folder));
        }
        Path dir = out.create(folder);
        // depth 3: trials are tracked runs, whose run.json and metrics sit in runs/<run>/ (a worker killed
        // mid-write leaves runs/<run>/.run.json.<pid>-<random>.tmp)
        TempFiles.cleanLeftovers(dir, 3);
        Progress progress = Progress.choose(quiet.on(), console);
        ProgressTask task = progress.start(sweep.name(), (long) sweep.trials() * sweep.rounds());
        double[] best = {Double.NaN};
        Instant start = Instant.now();
        SweepRunner.Outcome outcome;
        try {
            outcome = SweepRunner.run(sweep, dir, studyOptions.where(), resume, data.folder().orElse(null), t -> {
                synchronized (best) {
                    if (t.status() == TrialStatus.COMPLETE && (Double.isNaN(best[0]) || sweep.goal().better(t.score(), best[0]))) {
                        best[0] = t.score();
                    }
                    task.message(String.format(Locale.ROOT, "best %s %.4f", sweep.metric(), best[0]));
                    task.step();
                }
            });
        } catch (InvalidConfigException e) {
            if (e.getMessage().contains("already has")) {
                throw new ParameterException(spec.commandLine(), String.format("%s has a study '%s' already: add "
                        + "--resume to continue it, or use another --out.", dir.resolve(SweepRunner.STUDY_FILE), sweep.name()));
            }
            throw e;
        } catch (RuntimeException e) {
            throw StudyFailure.named(dir.resolve(SweepRunner.STUDY_FILE), e);
        }
        SearchResult<ModelSpec> r = outcome.result();
        // the study's best, not this process' best: after --resume the earlier trials count too
        task.close(r.trials(TrialStatus.COMPLETE).isEmpty()
                ? String.format(Locale.ROOT, "%d trials, none complete", r.trials().size())
                : String.format(Locale.ROOT, "%d trials, best %s %.4f", r.trials().size(), sweep.metric(), r.best().score()));
        write(outcome, dir, start);
        console.print(r.table());
        for (String warning : SweepRunner.warnings(outcome)) {
            console.printf("Warning: %s%n", warning);
        }
        if (!r.trials(TrialStatus.COMPLETE).isEmpty()) {
            console.printf(Locale.ROOT, "%nBest %s %.4f (trial %d), test accuracy %.4f, %d epochs in all.%nBest params: %s%n",
                    sweep.metric(), r.best().score(), r.best().number(), outcome.testAccuracy(), r.totalEpochs(),
                    r.bestParamsJson());
        }
        console.printf("Wrote %s (results.json, metrics.csv, provenance.json, report.html, plots/); the study is in %s.%n",
                dir, outcome.storage());
        console.flush();
        return 0;
    }

    private Sweep parse() {
        studyOptions.validate(spec.commandLine());
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), String.format("no sweep file at %s.", file));
        }
        data.folder();
        Sweep sweep;
        try {
            sweep = SweepParser.parse(file);
        } catch (SweepException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (trials != null) {
            if (trials < 1) {
                throw new ParameterException(spec.commandLine(), String.format("--trials must be >= 1, got %d.", trials));
            }
            if (trials > io.fluentdl.errors.Limits.MAX_TRIALS) {
                throw new ParameterException(spec.commandLine(), String.format("%s, got --trials %d.",
                        io.fluentdl.errors.Limits.rule("--trials", io.fluentdl.errors.Limits.MAX_TRIALS,
                                "every trial is kept in memory and in the study"), trials));
            }
            sweep = sweep.withTrials(trials);
        }
        if (workers != null) {
            if (workers < 1) {
                throw new ParameterException(spec.commandLine(), String.format("--workers must be >= 1, got %d.", workers));
            }
            sweep = sweep.withWorkers(workers);
        }
        return sweep;
    }

    /** results.json (with the space, for the report's axes), metrics.csv, provenance.json; then the search report. */
    private void write(SweepRunner.Outcome o, Path dir, Instant start) throws Exception {
        SearchResult<ModelSpec> r = o.result();
        RunContext context = new RunContext(dir, List.of(o.sweep().seed()), o.sweep().model().epochs(), false,
                data.folder(), quiet.on(), Backend.CPU, Progress.silent(), commandLine());
        SearchFiles files = new SearchFiles(dir, o.sweep().name(), o.sweep().description());
        if (!r.trials(TrialStatus.COMPLETE).isEmpty()) {
            files.spec("best", r.bestModel());
        }
        files.writeData(SweepRunner.results(o), SweepRunner.metricsRows(r), context, start);
        ReportBuilder.build(dir);
    }

    private List<String> commandLine() {
        // originalArgs() starts with the subcommand's own name, as RunCommand's does
        List<String> line = new ArrayList<>(List.of("./fluentdl"));
        line.addAll(spec.commandLine().getParseResult().originalArgs());
        return line;
    }
}
