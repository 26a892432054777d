package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.experiments.results.AtomicFiles;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.Provenance;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.results.SeedRun;
import io.fluentdl.experiments.results.VariantResult;
import io.fluentdl.track.HistogramRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds the plots and {@code report.html} of one run folder from its files alone:
 * {@code results.json} (required; an experiment's or a search's, see the package docs),
 * {@code provenance.json} (summaries and provenance, optional) and the tracked runs under
 * {@code runs/} (runs table status, histograms; optional). {@link #buildAll} does the same for a
 * folder of run folders and adds an index page.
 */
public final class ReportBuilder {

    /** Plots go to this sub-folder of the run folder. */
    public static final String PLOTS = "plots";
    /** Size of the charts shown side by side (per variant, per parameter). */
    static final int SMALL_WIDTH = 600;
    static final int SMALL_HEIGHT = 340;

    private ReportBuilder() {
    }

    /** Whether {@code dir} is a run folder (it has a results.json). */
    public static boolean isRunDir(Path dir) {
        return Files.isRegularFile(RunFiles.results(dir));
    }

    /**
     * Reports on {@code dir}: a run folder gets its report; a folder of run folders gets one per run
     * folder plus a {@code report.html} that links them. Returns the reports written, the index last.
     */
    public static List<Path> buildAll(Path dir) throws IOException {
        if (isRunDir(dir)) {
            return List.of(build(dir));
        }
        List<Path> runDirs;
        try (Stream<Path> children = Files.list(dir)) {
            runDirs = children.filter(Files::isDirectory).filter(ReportBuilder::isRunDir).sorted().toList();
        }
        if (runDirs.isEmpty()) {
            throw new IllegalArgumentException(String.format(
                    "%s has no %s, and no sub-folder has one: pass a folder written by 'fluentdl run' or "
                            + "'fluentdl search', or the --out folder that holds them.", dir, RunFiles.RESULTS));
        }
        List<Path> written = new ArrayList<>();
        for (Path runDir : runDirs) {
            written.add(build(runDir));
        }
        Path index = RunFiles.report(dir);
        AtomicFiles.writeString(index, IndexPage.render(dir, runDirs));
        written.add(index);
        return written;
    }

    /**
     * A results.json key: true when the experiment wrote report.html itself with its results; {@code report}
     * then leaves it as it is. Only folders written before the search experiments reported through
     * {@link SearchExperimentPage} carry it.
     */
    public static final String OWN_REPORT = "own_report";

    /** Reads the run folder and (re)writes its plots and report; returns the report's path. */
    public static Path build(Path runDir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(RunFiles.results(runDir).toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(String.format("Could not read %s", RunFiles.results(runDir)), e); // Jackson's text names no file
        }
        if (tree.path(OWN_REPORT).asBoolean(false)) {
            return RunFiles.report(runDir); // an older search experiment wrote its page itself: nothing to rebuild
        }
        if (SearchReport.isSearch(tree)) {
            return SearchReport.build(runDir, tree);
        }
        if (SearchExperimentPage.is(tree)) {
            return SearchExperimentPage.build(runDir, tree);
        }
        Results results = Json.read(RunFiles.results(runDir), Results.class);
        Path provenanceFile = RunFiles.provenance(runDir);
        Optional<Provenance> provenance = Files.exists(provenanceFile)
                ? Optional.of(Json.read(provenanceFile, Provenance.class)) : Optional.empty();
        Optional<TrackedRuns> tracked = TrackedRuns.in(runDir, results.experiment(), results.epochs());
        Path plots = runDir.resolve(PLOTS);
        Figure overview = figure(Charts.testAccuracyOverview(results), CurveOptions.testAccuracyOverview(results), plots,
                "test-accuracy", "Test accuracy per epoch, every variant: mean line, band from the lowest to the highest seed");
        Figure finalAccuracy = figure(Charts.finalAccuracy(results), CurveOptions.finalAccuracy(results), plots,
                "final-accuracy", "Final accuracy per variant: mean with ± std whiskers over seeds, and the published reference");
        List<Figure> extra = extraFigures(results, plots);
        List<Figure> perVariant = new ArrayList<>();
        for (VariantResult v : results.variants()) {
            perVariant.add(figure(Charts.accuracyCurves(results, v), CurveOptions.accuracyCurves(v), plots,
                    "accuracy-" + v.name(),
                    String.format("%s: train and test accuracy per epoch (mean, min-max band over seeds)", v.name()),
                    SMALL_WIDTH, SMALL_HEIGHT));
        }
        List<ExperimentPage.Image> histograms = new ArrayList<>();
        if (tracked.isPresent()) {
            for (VariantResult v : results.variants()) {
                long seed = v.runs().get(0).seed();
                List<HistogramRecord> records = tracked.get().histograms(v.name(), seed);
                HistogramFigure figure = HistogramFigure.of(String.format("%s, seed %d: histograms over time", v.name(), seed),
                        records);
                if (figure.isEmpty()) {
                    continue;
                }
                String base = Html.id("histograms-" + v.name());
                ChartFiles.write(figure, plots, base);
                histograms.add(new ExperimentPage.Image(String.format("%s (seed %d, %d tensors)", v.name(), seed,
                        figure.rowCount()), String.format("%s: weights, gradients and updates over iterations", v.name()),
                        PLOTS + "/" + base, figure.width()));
            }
        }
        Path report = RunFiles.report(runDir);
        AtomicFiles.writeString(report, ExperimentPage.render(results, provenance, tracked,
                new ExperimentPage.Figures(overview, finalAccuracy, perVariant, histograms, extra)));
        return report;
    }

    /** The plots that {@code results.plots()} asks for, in its order; each file is named after the plot. */
    private static List<Figure> extraFigures(Results results, Path plots) throws IOException {
        List<Figure> figures = new ArrayList<>();
        for (String plot : results.plots()) {
            switch (plot) {
                case Results.TEST_ERROR -> figures.add(figure(
                        Charts.logOverview(results, "test error", r -> Charts.errors(r.testAccuracy()), 1e-3),
                        CurveOptions.logOverview(results, "test error", r -> Charts.errors(r.testAccuracy()), 1e-3), plots, plot,
                        "Test error (1 - accuracy) per epoch, every variant, log scale: mean line, min-max band over seeds"));
                case Results.TRAIN_ERROR -> figures.add(figure(
                        Charts.logOverview(results, "train error", r -> Charts.errors(r.trainAccuracy()), 1e-4),
                        CurveOptions.logOverview(results, "train error", r -> Charts.errors(r.trainAccuracy()), 1e-4), plots, plot,
                        "Training error per epoch, every variant, log scale (0 is drawn at 1e-4): mean line, min-max band over seeds"));
                case Results.TRAIN_LOSS -> figures.add(figure(
                        Charts.logOverview(results, "train loss", SeedRun::trainLoss, 1e-5),
                        CurveOptions.logOverview(results, "train loss", SeedRun::trainLoss, 1e-5), plots, plot, "Training loss per epoch, every variant, log scale: mean line, min-max band over seeds"));
                case Results.LEARNING_RATE -> figures.add(figure(Charts.learningRates(results), CurveOptions.learningRates(results), plots, plot,
                        "Learning rate over training, every variant (the schedule's formula where recorded), log scale"));
                case Results.LR_RANGE -> {
                    for (io.fluentdl.experiments.results.RangeTest test : results.rangeTests()) {
                        figures.add(figure(Charts.lossVersusLearningRate(test), CurveOptions.lossVersusLearningRate(test), plots,
                                plot + "-" + test.name(),
                                String.format("LR range test %s: loss against learning rate (log axis) and the suggested rates",
                                        test.name())));
                    }
                }
                default -> throw new IllegalArgumentException(String.format("Unknown plot '%s' in results.json", plot));
            }
        }
        return figures;
    }

    /**
     * Writes the static chart to {@code dir/<base>.svg/.png} and pairs it with its interactive option;
     * {@code base} may hold a user's name: it is made one safe id first.
     */
    static Figure figure(org.jfree.chart.JFreeChart chart, ObjectNode option, Path dir, String base, String caption)
            throws IOException {
        String safe = Html.id(base);
        ChartFiles.write(chart, dir, safe);
        return new Figure(caption, option, PLOTS + "/" + safe, Figure.TALL);
    }

    /** As above, for the smaller charts shown side by side. */
    static Figure figure(org.jfree.chart.JFreeChart chart, ObjectNode option, Path dir, String base, String caption,
                         int width, int height) throws IOException {
        String safe = Html.id(base);
        ChartFiles.write(chart, dir, safe, width, height);
        return new Figure(caption, option, PLOTS + "/" + safe, Figure.SHORT);
    }
}
