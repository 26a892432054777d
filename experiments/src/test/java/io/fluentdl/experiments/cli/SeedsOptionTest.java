package io.fluentdl.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.experiments.ExperimentInfo;
import io.fluentdl.experiments.ResultsExperiment;
import io.fluentdl.experiments.ExperimentRegistry;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.results.ExperimentOutput;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.testing.Cli;
import io.fluentdl.experiments.testing.ToyExperiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --seeds N} and the experiment's own seed counts. */
class SeedsOptionTest {

    /** The toy experiment with the seed counts of a long experiment: 3 full, 1 quick. */
    static final class FewSeeds implements ResultsExperiment {
        private final ToyExperiment toy = new ToyExperiment();

        @Override
        public ExperimentInfo info() {
            return ExperimentInfo.of("toy", toy.info().description(), 2, 1).withSeeds(3, 1);
        }

        @Override
        public ExperimentOutput run(RunContext context) {
            return toy.run(context);
        }
    }

    private static List<Long> seeds(Path out, String... args) throws IOException {
        Cli.Outcome o = Cli.run(new ExperimentRegistry().add(FewSeeds::new), args);
        assertEquals(0, o.exitCode(), o.err());
        return Json.read(RunFiles.results(out.resolve("toy")), Results.class).seeds();
    }

    @Test
    void experimentsChooseTheirSeedCounts(@TempDir Path out) throws IOException {
        assertEquals(List.of(1L, 2L, 3L), seeds(out, "run", "toy", "--out", out.toString(), "--quiet"));
        Path quick = out.resolve("quick"); // a used --out needs --resume: a second run goes elsewhere
        assertEquals(List.of(1L), seeds(quick, "run", "toy", "--quick", "--out", quick.toString(), "--quiet"));
    }

    @Test
    void seedsOptionWins(@TempDir Path out) throws IOException {
        assertEquals(List.of(4L, 5L), seeds(out, "run", "toy", "--seeds", "2", "--seed", "4", "--out", out.toString(), "--quiet"));
    }

    @Test
    void seedsMustBePositive(@TempDir Path out) {
        Cli.Outcome o = Cli.run(new ExperimentRegistry().add(FewSeeds::new), "run", "toy", "--seeds", "0", "--out",
                out.toString());
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains("--seeds"), o.err());
    }
}
