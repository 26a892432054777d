package io.fluentdl.experiments.runs;

import io.fluentdl.experiments.ExperimentRegistry;
import io.fluentdl.experiments.cli.FluentDl;

/**
 * The child process of {@link ResumeTest}: runs {@code fluentdl run tiny --out <dir>} and, in the
 * third unit after its first epoch, prints {@code MIDWAY} and waits to be killed.
 */
public final class KilledMidway {

    private KilledMidway() {
    }

    public static void main(String[] args) {
        TinyExperiment.hang = (unit, epoch) -> {
            if (unit == 2 && epoch == 1) {
                System.out.println("MIDWAY");
                System.out.flush();
                Thread.sleep(120_000);
            }
        };
        FluentDl.commandLine(new ExperimentRegistry().add(TinyExperiment::new))
                .execute("run", TinyExperiment.NAME, "--quick", "--quiet", "--out", args[0]);
        System.out.println("ENDED");
    }
}
