package io.fluentdl.experiments.cli;

import io.fluentdl.experiments.Backend;
import io.fluentdl.experiments.Experiment;
import io.fluentdl.experiments.search.SweepRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * The parsed {@code run} options that apply to every experiment of one invocation; {@code study} is set
 * when {@code --storage}, {@code --study} or {@code --heartbeat} was given (search experiments only).
 */
record RunOptions(Path out, long firstSeed, Optional<Integer> seedCount, Optional<Integer> epochs, boolean quick,
                  Optional<Path> data, boolean quiet, Backend backend, List<String> commandLine, boolean resume,
                  Optional<String> datasetName, Optional<SweepRunner.Where> study) {

    /** Options whose data set is named by its files. */
    RunOptions(Path out, long firstSeed, Optional<Integer> seedCount, Optional<Integer> epochs, boolean quick,
               Optional<Path> data, boolean quiet, Backend backend, List<String> commandLine, boolean resume) {
        this(out, firstSeed, seedCount, epochs, quick, data, quiet, backend, commandLine, resume, Optional.empty(),
                Optional.empty());
    }

    /** Seeds firstSeed, firstSeed+1, ...: --seeds of them, else the experiment's quick or full count. */
    List<Long> seedsFor(Experiment experiment) {
        int count = seedCount.orElse(experiment.info().seeds(quick));
        return LongStream.range(firstSeed, firstSeed + count).boxed().toList();
    }

    /** --epochs, else the experiment's quick or full default. */
    int epochsFor(Experiment experiment) {
        return epochs.orElse(experiment.info().epochs(quick));
    }
}
