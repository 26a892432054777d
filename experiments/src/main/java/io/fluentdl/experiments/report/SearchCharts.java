package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.report.SearchData.Param;
import io.fluentdl.experiments.report.SearchData.Scale;
import io.fluentdl.experiments.report.SearchData.Trial;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The static search plots (the parallel coordinates are {@link ParallelFigure}): the score against each parameter (log axes
 * where the parameter was sampled on a log scale), and the parameters' importance.
 */
final class SearchCharts {

    private static final Color COMPLETE = new Color(0x0072B2);
    private static final Color BEST = new Color(0xD55E00);
    private static final Color OTHER = new Color(0xAAAAAA);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private SearchCharts() {
    }

    /** Where a value sits on a parameter's axis, 0 (bottom) to 1 (top); NaN when it has none. */
    static double position(Param p, JsonNode value, double lo, double hi) {
        if (value == null || value.isNull()) {
            return Double.NaN;
        }
        if (p.scale() == Scale.CATEGORICAL) {
            int i = p.values().indexOf(value.asText());
            return i < 0 ? Double.NaN : p.values().size() == 1 ? 0.5 : (double) i / (p.values().size() - 1);
        }
        double v = value.asDouble();
        double t = switch (p.scale()) {
            case LOG -> (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
            case ONE_MINUS_LOG -> (Math.log(1 - lo) - Math.log(1 - v)) / (Math.log(1 - lo) - Math.log(1 - hi));
            default -> (v - lo) / (hi - lo);
        };
        return Double.isFinite(t) ? t : 0.5;
    }

    /** The value at position t of a numeric axis, the inverse of {@link #position}. */
    static double valueAt(Param p, double t, double lo, double hi) {
        return switch (p.scale()) {
            case LOG -> Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo)));
            case ONE_MINUS_LOG -> 1 - Math.exp(Math.log(1 - lo) - t * (Math.log(1 - lo) - Math.log(1 - hi)));
            default -> lo + t * (hi - lo);
        };
    }

    /** The numeric range of a parameter: its declared bounds, else the trials' extremes. */
    static double[] range(Param p, List<Trial> trials) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Trial t : trials) {
            JsonNode v = t.params().get(p.name());
            if (v != null && v.isNumber()) {
                lo = Math.min(lo, v.asDouble());
                hi = Math.max(hi, v.asDouble());
            }
        }
        if (p.low() != null) {
            lo = Math.min(lo, p.low());
        }
        if (p.high() != null) {
            hi = Math.max(hi, p.high());
        }
        if (!(hi > lo)) {
            hi = lo + (lo == 0 ? 1 : Math.abs(lo) * 0.1);
        }
        return new double[] {lo, hi};
    }

    /** The score of every trial against one parameter; a log axis where it was sampled on one. */
    static JFreeChart scoreVs(SearchData data, Param p) {
        XYSeries complete = new XYSeries("complete");
        XYSeries other = new XYSeries("pruned / failed");
        XYSeries best = new XYSeries("best");
        Trial bestTrial = data.best().orElse(null);
        for (Trial t : data.trials()) {
            JsonNode v = t.params().get(p.name());
            if (t.score() == null || v == null || v.isNull()) {
                continue;
            }
            double x;
            if (p.scale() == Scale.CATEGORICAL) {
                int i = p.values().indexOf(v.asText());
                // a little deterministic jitter, so that trials of one category do not hide each other
                x = i + ((t.number() * 37 % 17) / 17.0 - 0.5) * 0.3;
            } else {
                x = p.scale() == Scale.ONE_MINUS_LOG ? 1 - v.asDouble() : v.asDouble();
            }
            (t == bestTrial ? best : t.complete() ? complete : other).add(x, t.score());
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(complete);
        dataset.addSeries(other);
        dataset.addSeries(best);
        ValueAxis xAxis = switch (p.scale()) {
            case LOG -> logAxis(p.name() + " (log scale)");
            case ONE_MINUS_LOG -> logAxis("1 - " + p.name() + " (log scale)");
            case CATEGORICAL -> new SymbolAxis(p.name(), p.values().toArray(new String[0]));
            default -> {
                NumberAxis axis = new NumberAxis(p.name());
                axis.setAutoRangeIncludesZero(false);
                yield axis;
            }
        };
        NumberAxis yAxis = new NumberAxis(data.metric());
        yAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, COMPLETE);
        renderer.setSeriesPaint(1, OTHER);
        renderer.setSeriesPaint(2, BEST);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesShape(2, new Rectangle2D.Double(-5, -5, 10, 10));
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(String.format("%s vs %s", data.metric(), p.name()), TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(1e-12);
        // one tick per decade, written 1E-3
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0), false, true);
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return axis;
    }

    /** Importance per parameter: its share of the explained variance (else |Spearman rho|). */
    static JFreeChart importance(SearchData data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        boolean shares = data.importance().stream().allMatch(i -> i.share() != null);
        data.importance().stream()
                .sorted(Comparator.comparingDouble((SearchData.Importance i) -> -value(i, shares)))
                .forEach(i -> dataset.addValue(value(i, shares), shares ? "share of explained variance" : "|Spearman rho|",
                        i.name()));
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, COMPLETE);
        renderer.setMaximumBarWidth(0.12);
        NumberAxis values = new NumberAxis(shares ? "share of the score's explained variance" : "|Spearman rank correlation|");
        values.setRange(0, 1);
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("parameter"), values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "%s: parameter importance for %s", data.name(),
                data.metric()), TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static double value(SearchData.Importance i, boolean shares) {
        if (shares) {
            return i.share();
        }
        return i.spearman() == null ? 0 : Math.abs(i.spearman());
    }
}
