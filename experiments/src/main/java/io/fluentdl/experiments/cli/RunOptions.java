package io.fluentdl.experiments.cli;

import io.fluentdl.experiments.Backend;
import io.fluentdl.experiments.Experiment;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

/** The parsed {@code run} options that apply to every experiment of one invocation. */
record RunOptions(Path out, long firstSeed, int seedCount, Optional<Integer> epochs, boolean quick,
                  Optional<Path> data, boolean quiet, Backend backend, List<String> commandLine) {

    /** Seeds firstSeed, firstSeed+1, ... */
    List<Long> seeds() {
        return LongStream.range(firstSeed, firstSeed + seedCount).boxed().toList();
    }

    /** --epochs, else the experiment's quick or full default. */
    int epochsFor(Experiment experiment) {
        return epochs.orElse(quick ? experiment.quickEpochs() : experiment.defaultEpochs());
    }
}
