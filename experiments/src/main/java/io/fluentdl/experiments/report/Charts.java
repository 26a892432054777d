package io.fluentdl.experiments.report;

import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.SeedRun;
import io.fluentdl.experiments.results.VariantResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The experiment plots, built from {@link Results}: learning curves with a band over seeds, and the
 * final accuracies against the published reference.
 */
public final class Charts {

    /** Distinct, colour-blind friendly colours (Okabe-Ito), reused in order. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
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

    private static JFreeChart curves(String title, YIntervalSeriesCollection data) {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.18f);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Color color = PALETTE[i % PALETTE.length];
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesFillPaint(i, color);
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochs.setLowerMargin(0.01);
        epochs.setUpperMargin(0.01);
        NumberAxis accuracy = new NumberAxis("accuracy");
        accuracy.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, epochs, accuracy, renderer);
        style(plot);
        return chart(title, plot);
    }

    private static YIntervalSeries band(String name, List<SeedRun> runs, Function<SeedRun, List<Double>> curve) {
        YIntervalSeries series = new YIntervalSeries(name);
        int epochs = runs.get(0).epochs();
        for (int e = 0; e < epochs; e++) {
            double sum = 0;
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (SeedRun run : runs) {
                double value = curve.apply(run).get(e);
                sum += value;
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
            series.add(e + 1, sum / runs.size(), low, high);
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
