package io.fluentdl.search;

import java.nio.file.Path;
import java.util.Map;

/** A child process for {@link StudyKillTest}: a slow search recording into a study, to be killed. */
public final class SlowSearchMain {

    private SlowSearchMain() {
    }

    public static void main(String[] args) {
        try (Study study = Study.open(Path.of(args[0]), "killed")) {
            StudyTest.search(study, 12, 1, slow(), false);
        }
    }

    /** The synthetic objective, 60 ms per epoch. */
    static TrialObjective<Map<String, Object>> slow() {
        TrialObjective<Map<String, Object>> fast = Synthetic.objective();
        return (model, trial, reporter) -> fast.evaluate(model, trial, (epoch, metrics) -> {
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reporter.report(epoch, metrics);
        });
    }
}
