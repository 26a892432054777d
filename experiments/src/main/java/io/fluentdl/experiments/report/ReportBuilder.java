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
        extraFigures(results, plots, figures);
        for (VariantResult v : results.variants()) {
            figures.add(figure(Charts.accuracyCurves(results, v), plots, "accuracy-" + v.name(),
                    String.format("%s: train and test accuracy per epoch (mean, min-max band over seeds)", v.name())));
        }
        Path report = RunFiles.report(runDir);
        AtomicFiles.writeString(report, ReportHtml.render(results, provenance, figures));
        return report;
    }

    /** The plots that {@code results.plots()} asks for, in its order; each file is named after the plot. */
    private static void extraFigures(Results results, Path plots, List<ReportHtml.Figure> figures) throws IOException {
        for (String plot : results.plots()) {
            switch (plot) {
                case Results.TEST_ERROR -> figures.add(figure(
                        Charts.logOverview(results, "test error", r -> Charts.errors(r.testAccuracy()), 1e-3), plots, plot,
                        "Test error (1 - accuracy) per epoch, every variant, log scale: mean line, min-max band over seeds"));
                case Results.TRAIN_ERROR -> figures.add(figure(
                        Charts.logOverview(results, "train error", r -> Charts.errors(r.trainAccuracy()), 1e-4), plots, plot,
                        "Training error per epoch, every variant, log scale (0 is drawn at 1e-4): mean line, min-max band over seeds"));
                case Results.TRAIN_LOSS -> figures.add(figure(
                        Charts.logOverview(results, "train loss", io.fluentdl.experiments.results.SeedRun::trainLoss, 1e-5),
                        plots, plot, "Training loss per epoch, every variant, log scale: mean line, min-max band over seeds"));
                case Results.LEARNING_RATE -> figures.add(figure(Charts.learningRates(results), plots, plot,
                        "Learning rate over training, every variant (the schedule's formula where recorded), log scale"));
                case Results.LR_RANGE -> {
                    for (io.fluentdl.experiments.results.RangeTest test : results.rangeTests()) {
                        figures.add(figure(Charts.lossVersusLearningRate(test), plots, plot + "-" + test.name(),
                                String.format("LR range test %s: loss against learning rate (log axis) and the suggested rates",
                                        test.name())));
                    }
                }
                default -> throw new IllegalArgumentException(String.format("Unknown plot '%s' in results.json", plot));
            }
        }
    }

    private static ReportHtml.Figure figure(org.jfree.chart.JFreeChart chart, Path dir, String base, String caption)
            throws IOException {
        String svg = ChartFiles.write(chart, dir, base);
        return new ReportHtml.Figure(caption, svg, PLOTS + "/" + base);
    }
}
