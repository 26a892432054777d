package io.fluentdl.experiments.report;

import io.fluentdl.experiments.results.LrCurve;
import io.fluentdl.experiments.results.RangeTest;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.SeedRun;
import io.fluentdl.experiments.results.VariantResult;
import java.util.ArrayList;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The experiment plots, built from {@link Results}: learning curves with a band over seeds, and the
 * final accuracies against the published reference.
 */
public final class Charts {

    /** Distinct, colour-blind friendly colours (Okabe-Ito), reused in order. */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

    private Charts() {
    }

    /**
     * Train and test accuracy of one variant per epoch: the line is the mean over seeds, the band
     * spans the lowest to the highest seed.
     */
    public static JFreeChart accuracyCurves(Results results, VariantResult variant) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(band("train", variant.runs(), SeedRun::trainAccuracy));
        data.addSeries(band("test", variant.runs(), SeedRun::testAccuracy));
        String title = String.format("%s: accuracy per epoch (mean, min-max band over %d seeds)",
                variant.name(), variant.runs().size());
        return curves(title, data);
    }

    /** Test accuracy of every variant in one chart, mean line and min-max band over seeds. */
    public static JFreeChart testAccuracyOverview(Results results) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (VariantResult v : results.variants()) {
            data.addSeries(band(v.name(), v.runs(), SeedRun::testAccuracy));
        }
        String title = String.format("%s: test accuracy per epoch (mean, min-max band over %d seeds)",
                results.experiment(), results.seeds().size());
        return curves(title, data);
    }

    /**
     * Final accuracy per variant (mean with ± std whiskers) next to the published single-run
     * reference values, where there are any.
     */
    public static JFreeChart finalAccuracy(Results results) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (VariantResult v : results.variants()) {
            data.add(v.trainAccuracy().mean(), v.trainAccuracy().std(), "train (ours)", v.name());
            data.add(v.testAccuracy().mean(), v.testAccuracy().std(), "test (ours)", v.name());
        }
        for (VariantResult v : results.variants()) {
            results.reference().of(v.name()).ifPresent(ref -> {
                data.add(ref.train(), 0.0, "train (reference)", v.name());
                data.add(ref.test(), 0.0, "test (reference)", v.name());
            });
        }
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(false, true);
        renderer.setUseSeriesOffset(true); // train/test/reference side by side, not on top of each other
        renderer.setItemMargin(0.3);
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        CategoryAxis variants = new CategoryAxis("variant");
        variants.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis accuracy = new NumberAxis("accuracy after the last epoch");
        accuracy.setAutoRangeIncludesZero(false);
        CategoryPlot plot = new CategoryPlot(data, variants, accuracy, renderer);
        style(plot);
        String title = String.format("%s: final accuracy (mean ± std over %d seeds) vs reference",
                results.experiment(), results.seeds().size());
        return chart(title, plot);
    }

    /**
     * One per-epoch curve of every variant in one chart, mean line and min-max band over seeds, on a
     * log y axis: for errors and losses, whose late epochs differ by factors, not by amounts. Values
     * are clamped to {@code floor} (a log axis cannot show 0, e.g. a training error of exactly 0).
     *
     * @param what   the y-axis label, e.g. "test error"
     * @param curve  the curve of one run, e.g. {@code r -> errors(r.testAccuracy())}
     * @param floor  the smallest value drawn
     */
    public static JFreeChart logOverview(Results results, String what, Function<SeedRun, List<Double>> curve,
                                         double floor) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (VariantResult v : results.variants()) {
            data.addSeries(band(v.name(), v.runs(), run -> curve.apply(run).stream().map(x -> Math.max(x, floor)).toList()));
        }
        String title = String.format("%s: %s per epoch (mean, min-max band over %d seeds, log scale)",
                results.experiment(), what, results.seeds().size());
        LogAxis axis = new LogAxis(what);
        axis.setSmallestValue(floor);
        logLabels(axis);
        return curves(title, data, axis);
    }

    /** 1 − accuracy, elementwise: an accuracy curve as an error curve. */
    public static List<Double> errors(List<Double> accuracy) {
        return accuracy.stream().map(a -> 1 - a).toList();
    }

    /**
     * The learning rate over training of every variant that has one: the schedule's formula where the
     * variant records it ({@link VariantResult#schedule()}), else the rate each epoch ended with (first
     * seed), on a log axis so that a 10x drop looks like a 10x drop.
     */
    public static JFreeChart learningRates(Results results) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (VariantResult v : results.variants()) {
            XYSeries series = new XYSeries(v.name(), false, true);
            LrCurve curve = v.schedule();
            if (curve != null) {
                for (int i = 0; i < curve.epoch().size(); i++) {
                    series.add(curve.epoch().get(i), curve.learningRate().get(i));
                }
            } else if (!v.runs().isEmpty() && v.runs().get(0).learningRate() != null) {
                List<Double> rates = v.runs().get(0).learningRate();
                for (int e = 0; e < rates.size(); e++) {
                    series.add(e + 1, rates.get(e));
                }
            }
            if (series.getItemCount() > 0) {
                data.addSeries(series);
            }
        }
        LogAxis axis = new LogAxis("learning rate");
        axis.setSmallestValue(1e-8);
        logLabels(axis);
        XYLineAndShapeRenderer renderer = lines(data.getSeriesCount());
        NumberAxis epochs = epochAxis();
        XYPlot plot = new XYPlot(data, epochs, axis, renderer);
        style(plot);
        return chart(String.format("%s: learning rate over training (log scale)", results.experiment()), plot);
    }

    /**
     * An LR range test: loss (thin) and smoothed loss (thick) against the learning rate on a log x axis,
     * with vertical markers at the suggested rates.
     */
    public static JFreeChart lossVersusLearningRate(RangeTest test) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries raw = new XYSeries("loss per mini-batch", false, true);
        XYSeries smooth = new XYSeries("smoothed loss", false, true);
        for (int i = 0; i < test.learningRate().size(); i++) {
            raw.add(test.learningRate().get(i), test.loss().get(i));
            smooth.add(test.learningRate().get(i), test.smoothedLoss().get(i));
        }
        data.addSeries(raw);
        data.addSeries(smooth);
        XYLineAndShapeRenderer renderer = lines(2);
        renderer.setSeriesStroke(0, new BasicStroke(0.8f));
        renderer.setSeriesPaint(0, new Color(0x999999));
        renderer.setSeriesStroke(1, new BasicStroke(2.2f));
        renderer.setSeriesPaint(1, PALETTE[0]);
        LogAxis rates = new LogAxis("learning rate (log scale)");
        logLabels(rates);
        NumberAxis loss = new NumberAxis("training loss");
        loss.setAutoRangeIncludesZero(false);
        // the loss explodes at the end; show the interesting part: up to 1.5x the starting smoothed loss
        double low = test.loss().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = 1.5 * test.smoothedLoss().get(0);
        if (high > low) {
            loss.setRange(0.95 * low, high);
        }
        XYPlot plot = new XYPlot(data, rates, loss, renderer);
        List<double[]> marks = new ArrayList<>();
        marks.add(new double[] {test.suggestedSteepest(), 1});
        marks.add(new double[] {test.suggestedMinOver10(), 2});
        for (double[] mark : marks) {
            ValueMarker marker = new ValueMarker(mark[0], PALETTE[(int) mark[1]], new BasicStroke(1.4f));
            marker.setLabel(String.format(java.util.Locale.ROOT, mark[1] == 1 ? "steepest %.3g" : "min/10 %.3g", mark[0]));
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            marker.setLabelAnchor(mark[1] == 1 ? org.jfree.chart.ui.RectangleAnchor.TOP_LEFT
                    : org.jfree.chart.ui.RectangleAnchor.BOTTOM_LEFT);
            marker.setLabelTextAnchor(mark[1] == 1 ? org.jfree.chart.ui.TextAnchor.TOP_RIGHT
                    : org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addDomainMarker(marker);
        }
        style(plot);
        return chart(String.format("LR range test, %s (seed %d): loss against learning rate", test.name(), test.seed()), plot);
    }

    /** Tick labels as plain numbers in scientific notation (1E-3), not JFreeChart's "10^-3.0". */
    private static void logLabels(LogAxis axis) {
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0.##E0",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
    }

    private static XYLineAndShapeRenderer lines(int series) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        return renderer;
    }

    private static NumberAxis epochAxis() {
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochs.setLowerMargin(0.01);
        epochs.setUpperMargin(0.01);
        return epochs;
    }

    private static JFreeChart curves(String title, YIntervalSeriesCollection data) {
        NumberAxis accuracy = new NumberAxis("accuracy");
        accuracy.setAutoRangeIncludesZero(false);
        return curves(title, data, accuracy);
    }

    private static JFreeChart curves(String title, YIntervalSeriesCollection data, ValueAxis valueAxis) {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.18f);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Color color = PALETTE[i % PALETTE.length];
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesFillPaint(i, color);
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        XYPlot plot = new XYPlot(data, epochAxis(), valueAxis, renderer);
        style(plot);
        return chart(title, plot);
    }

    private static YIntervalSeries band(String name, List<SeedRun> runs, Function<SeedRun, List<Double>> curve) {
        SeedBand band = SeedBand.of(name, runs, curve);
        YIntervalSeries series = new YIntervalSeries(name);
        for (int e = 0; e < band.epochs(); e++) {
            series.add(e + 1, band.mean()[e], band.low()[e], band.high()[e]);
        }
        return series;
    }

    private static void style(org.jfree.chart.plot.Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xDDDDDD));
            xy.setRangeGridlinePaint(new Color(0xDDDDDD));
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(new Color(0xDDDDDD));
        }
    }

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
