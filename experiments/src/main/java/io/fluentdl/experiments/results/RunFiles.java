package io.fluentdl.experiments.results;

import java.nio.file.Path;

/** The names of the files in one experiment's output folder, {@code <out>/<experiment>/}. */
public final class RunFiles {

    public static final String RESULTS = "results.json";
    public static final String METRICS = "metrics.csv";
    public static final String PROVENANCE = "provenance.json";
    public static final String REPORT = "report.html";
    public static final String LOG = "fluentdl.log";

    private RunFiles() {
    }

    public static Path results(Path runDir) {
        return runDir.resolve(RESULTS);
    }

    public static Path metrics(Path runDir) {
        return runDir.resolve(METRICS);
    }

    public static Path provenance(Path runDir) {
        return runDir.resolve(PROVENANCE);
    }

    public static Path report(Path runDir) {
        return runDir.resolve(REPORT);
    }
}
