package io.fluentdl.experiments.cli;

import io.fluentdl.experiments.Backend;
import io.fluentdl.experiments.Experiment;
import io.fluentdl.experiments.ExperimentRegistry;
import io.fluentdl.experiments.runtime.BackendCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import io.fluentdl.experiments.search.MnistSearchExperiment;
import io.fluentdl.experiments.search.StudyExperiment;
import io.fluentdl.experiments.search.StudyOptions;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fluentdl run <experiment>|all}: trains, writes the results files and prints the table. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an experiment (or all) and write <out>/<experiment>/: results.json, metrics.csv, "
                + "provenance.json, plots/ and report.html."})
final class RunCommand implements Callable<Integer> {

    /** Seeds per variant in a full run, unless the experiment says otherwise. */
    static final int SEEDS = Experiment.DEFAULT_SEEDS;
    /** Seeds per variant with --quick, unless the experiment says otherwise. */
    static final int QUICK_SEEDS = Experiment.DEFAULT_QUICK_SEEDS;
    /** The first seed unless --seed says otherwise. */
    static final long FIRST_SEED = 1;

    private final ExperimentRegistry registry;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<experiment>", description = "An experiment name (see 'fluentdl list'), or 'all'.")
    private String experiment;

    @Option(names = "--quick", description = "Few seeds (usually " + QUICK_SEEDS + ") and epochs: checks that everything runs.")
    private boolean quick;

    @Option(names = "--seed", paramLabel = "N", converter = NumberConverters.Seed.class,
            description = "First seed; variants run with seeds N, N+1, ... (default: " + FIRST_SEED + ").")
    private Long seed;

    @Option(names = "--seeds", paramLabel = "N", converter = NumberConverters.Positive.class,
            description = "Seeds per variant (default: the experiment's, usually " + SEEDS + ", or " + QUICK_SEEDS
                    + " with --quick).")
    private Integer seeds;

    @Option(names = "--epochs", paramLabel = "N", converter = NumberConverters.Epochs.class, description = "Epochs per run (default: the experiment's).")
    private Integer epochs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Output folder (default: ${DEFAULT-VALUE}/).")
    private Path out;

    @Option(names = "--backend", paramLabel = "cpu|cuda", defaultValue = "cpu", converter = BackendConverter.class,
            completionCandidates = BackendConverter.Candidates.class,
            description = "ND4J backend (default: ${DEFAULT-VALUE}); cuda needs a build with -Pcuda.")
    private Backend backend;

    @Option(names = "--fallback-cpu", description = "With --backend cuda: run on the CPU when CUDA cannot be used "
            + "(no driver, unsupported GPU, CPU-only build), instead of failing.")
    private boolean fallbackCpu;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with data sets (e.g. the MNIST IDX files).")
    private Path data;

    @Option(names = "--dataset-name", paramLabel = "NAME", description = "What the data in --data is, e.g. "
            + "Fashion-MNIST, for tables and reports (default: MNIST for MNIST's files, else the folder's name).")
    private String datasetName;

    @Mixin
    private StudyOptions studyOptions = new StudyOptions();

    @Option(names = "--quiet", description = "No progress bars or progress lines.")
    private boolean quiet;

    @Option(names = "--engine", paramLabel = "fast|stock", description = "Layer implementations: fast (FluentDL's, "
            + "the default) or stock (DL4J's own), e.g. to compare.")
    private String engine;

    @Option(names = "--resume", description = "Keep the variant x seed runs that already FINISHED in the output "
            + "folder (same settings) and train only the rest; the results are the same as an uninterrupted run's.")
    private boolean resume;

    RunCommand(ExperimentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws Exception {
        List<Experiment> experiments = experiments();
        validate();
        studyOptions.validate(spec.commandLine());
        if (studyOptions.given()) {
            for (Experiment e : experiments) {
                if (!(e instanceof StudyExperiment)) {
                    throw new ParameterException(spec.commandLine(), String.format("--storage, --study and --heartbeat "
                            + "apply to search experiments (%s), not to '%s'.", MnistSearchExperiment.NAME, e.name()));
                }
            }
        }
        OutFolder.create(spec.commandLine(), "--out", out);
        if (!resume) {
            for (Experiment e : experiments) {
                if (ExperimentRunner.used(out.resolve(e.name()))) {
                    throw new ParameterException(spec.commandLine(), String.format("%s has a run of '%s' already: add "
                            + "--resume to keep its finished runs and train the rest, or use another --out.",
                            out.resolve(e.name()), e.name()));
                }
            }
        }
        BackendCheck.Decision decision = BackendCheck.decide(backend, fallbackCpu, BackendCheck.probe(backend));
        LogFile.attach(createOut());
        if (!decision.ok()) {
            throw new IllegalStateException(decision.message());
        }
        if (backend != Backend.CPU) {
            spec.commandLine().getOut().println(decision.message());
        }
        RunOptions options = new RunOptions(out, Optional.ofNullable(seed).orElse(FIRST_SEED), Optional.ofNullable(seeds),
                Optional.ofNullable(epochs), quick, Optional.ofNullable(data), quiet, backend, commandLine(), resume,
                Optional.ofNullable(datasetName), studyOptions.given() ? Optional.of(studyOptions.where())
                : Optional.empty()); // provenance: what was asked; nd4jBackend: what ran
        ExperimentRunner runner = new ExperimentRunner(options, spec.commandLine().getOut());
        for (Experiment e : experiments) {
            runner.run(e);
        }
        return 0;
    }

    private List<Experiment> experiments() {
        if (experiment.equals(ExperimentRegistry.ALL)) {
            return registry.createAll();
        }
        return List.of(registry.create(experiment).orElseThrow(() -> unknownExperiment()));
    }

    private ParameterException unknownExperiment() {
        List<String> known = new ArrayList<>(registry.names());
        known.add(ExperimentRegistry.ALL);
        String hint = java.util.Optional.ofNullable(io.fluentdl.nn.Names.closest(experiment, java.util.List.copyOf(known))).map(n -> String.format(" Did you mean '%s'?", n)).orElse("");
        return new ParameterException(spec.commandLine(), String.format("unknown experiment '%s'. Known: %s.%s",
                experiment, String.join(", ", known), hint));
    }

    private void validate() {
        if (engine != null) {
            try {
                System.setProperty(io.fluentdl.Engine.PROPERTY, io.fluentdl.Engine.parse(engine).name());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), String.format("--engine must be fast or stock, got %s.", engine));
            }
        }
        if (data != null && !Files.isDirectory(data)) {
            throw new ParameterException(spec.commandLine(), String.format("--data must be a folder, got %s.", data));
        }
        if (datasetName != null && datasetName.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--dataset-name must not be blank, got ''.");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), String.format("--out must be a folder, got %s, a file.", out));
        }
    }

    private Path createOut() throws java.io.IOException {
        return Files.createDirectories(out);
    }

    /** The command as typed, for provenance (the launcher's name stands for the JVM part). */
    private List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add("./fluentdl");
        line.addAll(spec.commandLine().getParseResult().originalArgs());
        return line;
    }
}
