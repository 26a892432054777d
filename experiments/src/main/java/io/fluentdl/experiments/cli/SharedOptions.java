package io.fluentdl.experiments.cli;

import io.fluentdl.Engine;
import io.fluentdl.experiments.runtime.BackendCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that {@code run}, {@code bench}, {@code search} and {@code report} share, one picocli
 * mixin each ({@code @Mixin SharedOptions.Out out;}), so that a flag is spelled, defaulted, described
 * and checked in one place. The flags are a contract (scripts and the README use them): renaming one
 * here renames it on every command. The study options ({@code --storage}, {@code --study},
 * {@code --heartbeat}) are the mixin {@link io.fluentdl.experiments.search.StudyOptions}.
 */
public final class SharedOptions {

    private SharedOptions() {
    }

    /** {@code --out DIR}: the folder each run, sweep or study writes its own folder into. */
    public static final class Out {

        @Spec(Spec.Target.MIXEE)
        private CommandSpec mixee;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
                description = "Output folder: each run writes <out>/<name>/ (default: ${DEFAULT-VALUE}/).")
        private Path out = Path.of("results");

        /** The folder as given (not created). */
        public Path path() {
            return out;
        }

        /** Fails as a usage error when the path is a file. */
        public void validate() {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new ParameterException(mixee.commandLine(), String.format("--out must be a folder, got %s, a file.", out));
            }
        }

        /** Creates {@code <out>/<child>} (or {@code <out>} for an empty child); a bad path is a usage error. */
        public Path create(String child) {
            return OutFolder.create(mixee.commandLine(), "--out", child.isEmpty() ? out : out.resolve(child));
        }
    }

    /** {@code --quick}: the smallest run that still checks that everything works. */
    public static final class Quick {

        @Option(names = "--quick", description = "A short run that checks everything works: fewer seeds, epochs, "
                + "examples and repeats (CI-sized).")
        private boolean quick;

        public boolean on() {
            return quick;
        }
    }

    /** {@code --data DIR}: where data sets (the MNIST IDX files, or any IDX data set) are read from. */
    public static final class Data {

        @Spec(Spec.Target.MIXEE)
        private CommandSpec mixee;

        @Option(names = "--data", paramLabel = "DIR", description = "Folder with data sets (e.g. the MNIST IDX files).")
        private Path data;

        /** The folder, checked to be one; empty when not given (the default lookup). */
        public Optional<Path> folder() {
            if (data != null && !Files.isDirectory(data)) {
                throw new ParameterException(mixee.commandLine(), String.format("--data must be a folder, got %s.", data));
            }
            return Optional.ofNullable(data);
        }
    }

    /** {@code --quiet}: no progress bars or progress lines. */
    public static final class Quiet {

        @Option(names = "--quiet", description = "No progress bars or progress lines.")
        private boolean quiet;

        public boolean on() {
            return quiet;
        }
    }

    /** {@code --backend cpu|cuda} and {@code --fallback-cpu}: which ND4J backend runs, and what to do without CUDA. */
    public static final class Backend {

        @Option(names = "--backend", paramLabel = "cpu|cuda", defaultValue = "cpu", converter = BackendConverter.class,
                completionCandidates = BackendConverter.Candidates.class,
                description = "ND4J backend (default: ${DEFAULT-VALUE}); cuda needs a build with -Pcuda.")
        private io.fluentdl.experiments.Backend backend = io.fluentdl.experiments.Backend.CPU;

        @Option(names = "--fallback-cpu", description = "With --backend cuda: run on the CPU when CUDA cannot be used "
                + "(no driver, unsupported GPU, CPU-only build), instead of failing.")
        private boolean fallbackCpu;

        /** The backend asked for (provenance records it; what ran is in nd4jBackend). */
        public io.fluentdl.experiments.Backend asked() {
            return backend;
        }

        /** Probes the machine and decides whether (and on what) to run. */
        public BackendCheck.Decision decide() {
            return BackendCheck.decide(backend, fallbackCpu, BackendCheck.probe(backend));
        }
    }

    /** {@code --engine fast|stock}: FluentDL's layer implementations or DL4J's own. */
    public static final class EngineChoice {

        @Spec(Spec.Target.MIXEE)
        private CommandSpec mixee;

        @Option(names = "--engine", paramLabel = "fast|stock", description = "Layer implementations: fast (FluentDL's, "
                + "the default) or stock (DL4J's own), e.g. to compare.")
        private String engine;

        /** The engine given, checked; empty when not given. */
        public Optional<Engine> chosen() {
            if (engine == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Engine.parse(engine));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(mixee.commandLine(), String.format("--engine must be fast or stock, got %s.", engine));
            }
        }
    }
}
