package io.fluentdl.experiments.runs;

import io.fluentdl.experiments.ExperimentRegistry;
import io.fluentdl.experiments.cli.FluentDl;

/**
 * A child process of the kill -9 fault suite: {@code fluentdl run tiny --quick --resume --out <dir>},
 * printing {@code EPOCH <unit> <epoch>} after every trained epoch so that the parent can kill it at a
 * chosen point, and {@code ENDED <exit code>} if it gets to the end.
 */
public final class FaultChildRun {

    private FaultChildRun() {
    }

    public static void main(String[] args) {
        TinyExperiment.hang = (unit, epoch) -> {
            System.out.printf("EPOCH %d %d%n", unit, epoch);
            System.out.flush();
        };
        int code = FluentDl.commandLine(new ExperimentRegistry().add(TinyExperiment::new))
                .execute("run", TinyExperiment.NAME, "--quick", "--quiet", "--resume", "--out", args[0]);
        System.out.printf("ENDED %d%n", code);
        System.out.flush();
    }
}
