package io.fluentdl.experiments.cli;

import io.fluentdl.experiments.Backend;
import io.fluentdl.experiments.Experiment;
import io.fluentdl.experiments.ExperimentInfo;
import io.fluentdl.experiments.ExperimentRegistry;
import io.fluentdl.experiments.runtime.BackendCheck;
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
    static final int SEEDS = ExperimentInfo.DEFAULT_SEEDS;
    /** Seeds per variant with --quick, unless the experiment says otherwise. */
    static final int QUICK_SEEDS = ExperimentInfo.DEFAULT_QUICK_SEEDS;
    /** The first seed unless --seed says otherwise. */
    static final long FIRST_SEED = 1;

    private final ExperimentRegistry registry;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<experiment>", description = "An experiment name (see 'fluentdl list'), or 'all'.")
    private String experiment;

    @Mixin
    private SharedOptions.Quick quick = new SharedOptions.Quick();

    @Option(names = "--seed", paramLabel = "N", converter = NumberConverters.Seed.class,
            description = "First seed; variants run with seeds N, N+1, ... (default: " + FIRST_SEED + ").")
    private Long seed;

    @Option(names = "--seeds", paramLabel = "N", converter = NumberConverters.Positive.class,
            description = "Seeds per variant (default: the experiment's, usually " + SEEDS + ", or " + QUICK_SEEDS
                    + " with --quick).")
    private Integer seeds;

    @Option(names = "--epochs", paramLabel = "N", converter = NumberConverters.Epochs.class, description = "Epochs per run (default: the experiment's).")
    private Integer epochs;

    @Mixin
    private SharedOptions.Out out = new SharedOptions.Out();

    @Mixin
    private SharedOptions.Backend backend = new SharedOptions.Backend();

    @Mixin
    private SharedOptions.Data data = new SharedOptions.Data();

    @Option(names = "--dataset-name", paramLabel = "NAME", description = "What the data in --data is, e.g. "
            + "Fashion-MNIST, for tables and reports (default: MNIST for MNIST's files, else the folder's name).")
    private String datasetName;

    @Mixin
    private StudyOptions studyOptions = new StudyOptions();

    @Mixin
    private SharedOptions.Quiet quiet = new SharedOptions.Quiet();

    @Mixin
    private SharedOptions.EngineChoice engine = new SharedOptions.EngineChoice();

    @Option(names = "--resume", description = "Keep the variant x seed runs that already FINISHED in the output "
            + "folder (same settings) and train only the rest; the results are the same as an uninterrupted run's.")
    private boolean resume;

    RunCommand(ExperimentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws Exception {
        List<Experiment> experiments = experiments();
        Optional<Path> dataDir = validate();
        studyOptions.validate(spec.commandLine());
        if (studyOptions.given()) {
            for (Experiment e : experiments) {
                if (!(e instanceof StudyExperiment)) {
                    throw new ParameterException(spec.commandLine(), String.format("--storage, --study and --heartbeat "
                            + "apply to search experiments (%s), not to '%s'.", MnistSearchExperiment.NAME, e.info().name()));
                }
            }
        }
        out.create("");
        if (!resume) {
            for (Experiment e : experiments) {
                if (ExperimentRunner.used(out.path().resolve(e.info().name()))) {
                    throw new ParameterException(spec.commandLine(), String.format("%s has a run of '%s' already: add "
                            + "--resume to keep its finished runs and train the rest, or use another --out.",
                            out.path().resolve(e.info().name()), e.info().name()));
                }
            }
        }
        BackendCheck.Decision decision = backend.decide();
        LogFile.attach(out.create(""));
        if (!decision.ok()) {
            throw new IllegalStateException(decision.message());
        }
        if (backend.asked() != Backend.CPU) {
            spec.commandLine().getOut().println(decision.message());
        }
        RunOptions options = new RunOptions(out.path(), Optional.ofNullable(seed).orElse(FIRST_SEED), Optional.ofNullable(seeds),
                Optional.ofNullable(epochs), quick.on(), dataDir, quiet.on(), backend.asked(), commandLine(), resume,
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

    /** Checks the options no mixin checks on its own; returns --data. */
    private Optional<Path> validate() {
        engine.chosen().ifPresent(e -> System.setProperty(io.fluentdl.Engine.PROPERTY, e.name()));
        Optional<Path> dataDir = data.folder();
        if (datasetName != null && datasetName.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--dataset-name must not be blank, got ''.");
        }
        out.validate();
        return dataDir;
    }

    /** The command as typed, for provenance (the launcher's name stands for the JVM part). */
    private List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add("./fluentdl");
        line.addAll(spec.commandLine().getParseResult().originalArgs());
        return line;
    }
}
