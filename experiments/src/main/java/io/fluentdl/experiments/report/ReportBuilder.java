package io.fluentdl.experiments.report;

import io.fluentdl.experiments.results.AtomicFiles;
import io.fluentdl.experiments.results.Json;
import io.fluentdl.experiments.results.Provenance;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.results.VariantResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the plots and {@code report.html} of one run folder from its files alone:
 * {@code results.json} (required) and {@code provenance.json} (summaries and provenance, optional).
 */
public final class ReportBuilder {

    /** Plots go to this sub-folder of the run folder. */
    public static final String PLOTS = "plots";

    private ReportBuilder() {
    }

    /** Reads the run folder and (re)writes its plots and report; returns the report's path. */
    public static Path build(Path runDir) throws IOException {
        Results results = Json.readResults(RunFiles.results(runDir));
        Path provenanceFile = RunFiles.provenance(runDir);
        Optional<Provenance> provenance = Files.exists(provenanceFile)
                ? Optional.of(Json.readProvenance(provenanceFile)) : Optional.empty();
        System.setProperty("java.awt.headless", "true");
        Path plots = runDir.resolve(PLOTS);
        List<ReportHtml.Figure> figures = new ArrayList<>();
        figures.add(figure(Charts.finalAccuracy(results), plots, "final-accuracy",
                "Final accuracy per variant: mean with ± std whiskers over seeds, and the published reference"));
        figures.add(figure(Charts.testAccuracyOverview(results), plots, "test-accuracy",
                "Test accuracy per epoch, every variant: mean line, band from the lowest to the highest seed"));
        for (VariantResult v : results.variants()) {
            figures.add(figure(Charts.accuracyCurves(results, v), plots, "accuracy-" + v.name(),
                    String.format("%s: train and test accuracy per epoch (mean, min-max band over seeds)", v.name())));
        }
        Path report = RunFiles.report(runDir);
        AtomicFiles.writeString(report, ReportHtml.render(results, provenance, figures));
        return report;
    }

    private static ReportHtml.Figure figure(org.jfree.chart.JFreeChart chart, Path dir, String base, String caption)
            throws IOException {
        String svg = ChartFiles.write(chart, dir, base);
        return new ReportHtml.Figure(caption, svg, PLOTS + "/" + base);
    }
}
