package io.fluentdl.experiments.reliability;

import io.fluentdl.experiments.search.SweepRunner;
import io.fluentdl.search.TrialStatus;
import io.fluentdl.experiments.sweep.Sweep;
import io.fluentdl.experiments.sweep.SweepParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A child process of the kill -9 fault suite: runs (or resumes) the sweep {@code args[1]} in the folder
 * {@code args[0]}, printing {@code TRIAL <number> <status> <score>} after every trial and {@code DONE}
 * at the end.
 */
public final class FaultChildSearch {

    private FaultChildSearch() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Sweep sweep = SweepParser.parse(Path.of(args[1]));
        boolean resume = Files.exists(dir.resolve(SweepRunner.STUDY_FILE));
        SweepRunner.run(sweep, dir, resume, null, t -> {
            synchronized (System.out) {
                System.out.printf(Locale.ROOT, "TRIAL %d %s %s%n", t.number(), t.status(),
                        t.status() == TrialStatus.COMPLETE ? Double.toString(t.score()) : "-");
                System.out.flush();
            }
        });
        System.out.println("DONE");
        System.out.flush();
    }
}
