package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.experiments.report.SearchData.Param;
import io.fluentdl.experiments.report.SearchData.Scale;
import io.fluentdl.experiments.report.SearchData.Trial;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
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
 * The search plots: parallel coordinates of every trial, the score against each parameter (log axes
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

    /** Parallel coordinates: one vertical axis per parameter and one for the score; one line per trial. */
    static ChartFiles.Painter parallelCoordinates(SearchData data) {
        return new ChartFiles.Painter() {
            @Override
            public int width() {
                return Math.max(1100, 150 * (data.space().size() + 1) + 120);
            }

            @Override
            public int height() {
                return 430;
            }

            @Override
            public void paint(Graphics2D g) {
                paintParallel(g, data, width(), height());
            }
        };
    }

    private static void paintParallel(Graphics2D g, SearchData data, int width, int height) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        g.drawString(String.format("%s: parallel coordinates (%d trials; colour = %s, darker orange is better)",
                data.name(), data.trials().size(), data.metric()), 12, 20);
        List<Param> axes = data.space();
        int n = axes.size() + 1;
        double left = 90;
        double right = width - 90;
        double top = 60;
        double bottom = height - 50;
        double step = n == 1 ? 0 : (right - left) / (n - 1);
        // every trial with a score (pruned ones too), so that no line leaves the score axis
        List<Trial> scored = data.trials().stream().filter(t -> t.score() != null).toList();
        double sLo = scored.stream().mapToDouble(Trial::score).min().orElse(0);
        double sHi = scored.stream().mapToDouble(Trial::score).max().orElse(1);
        if (!(sHi > sLo)) {
            sHi = sLo + 1e-9;
        }
        double[][] ranges = new double[axes.size()][];
        for (int a = 0; a < axes.size(); a++) {
            ranges[a] = range(axes.get(a), data.trials());
        }
        // worst first, so that the best lines are drawn on top
        List<Trial> order = new ArrayList<>(data.trials());
        double finalLo = sLo;
        double finalHi = sHi;
        order.sort(Comparator.comparingDouble(t -> t.complete() && t.score() != null
                ? quality(data, t.score(), finalLo, finalHi) : -1));
        Trial best = data.best().orElse(null);
        for (Trial t : order) {
            Path2D.Double line = new Path2D.Double();
            boolean started = false;
            for (int a = 0; a < n; a++) {
                double pos = a < axes.size() ? position(axes.get(a), t.params().get(axes.get(a).name()), ranges[a][0], ranges[a][1])
                        : t.score() == null ? Double.NaN : (t.score() - sLo) / (sHi - sLo);
                if (Double.isNaN(pos)) {
                    started = false;
                    continue;
                }
                double x = left + a * step;
                double y = bottom - pos * (bottom - top);
                if (started) {
                    line.lineTo(x, y);
                } else {
                    line.moveTo(x, y);
                    started = true;
                }
            }
            boolean scoredComplete = t.complete() && t.score() != null;
            g.setColor(scoredComplete ? ramp(quality(data, t.score(), sLo, sHi)) : OTHER);
            g.setStroke(t == best ? new BasicStroke(3f)
                    : scoredComplete ? new BasicStroke(1.4f)
                    : new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
            g.draw(line);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int a = 0; a < n; a++) {
            double x = left + a * step;
            g.setColor(new Color(0x444444));
            g.setStroke(new BasicStroke(1.2f));
            g.draw(new Line2D.Double(x, top, x, bottom));
            String label;
            List<String[]> ticks = new ArrayList<>();
            if (a < axes.size()) {
                Param p = axes.get(a);
                label = p.name() + switch (p.scale()) {
                    case LOG -> " (log)";
                    case ONE_MINUS_LOG -> " (log 1-x)";
                    default -> "";
                };
                if (p.scale() == Scale.CATEGORICAL) {
                    for (int i = 0; i < p.values().size(); i++) {
                        double t = p.values().size() == 1 ? 0.5 : (double) i / (p.values().size() - 1);
                        ticks.add(new String[] {Double.toString(t), p.values().get(i)});
                    }
                } else {
                    for (double t : new double[] {0, 0.5, 1}) {
                        ticks.add(new String[] {Double.toString(t), HistogramFigure.number(valueAt(p, t, ranges[a][0], ranges[a][1]))});
                    }
                }
            } else {
                label = data.metric();
                for (double t : new double[] {0, 0.5, 1}) {
                    ticks.add(new String[] {Double.toString(t), HistogramFigure.number(sLo + t * (sHi - sLo))});
                }
            }
            for (String[] tick : ticks) {
                double y = bottom - Double.parseDouble(tick[0]) * (bottom - top);
                g.draw(new Line2D.Double(x - 3, y, x + 3, y));
                g.setColor(new Color(0x333333));
                g.drawString(tick[1], (float) (x + 5), (float) (y + 4));
                g.setColor(new Color(0x444444));
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            int w = g.getFontMetrics().stringWidth(label);
            g.drawString(label, (float) (x - w / 2.0), (float) (top - 12));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        }
        g.setColor(new Color(0x666666));
        g.drawString("thick: best trial;  dashed grey: pruned or failed (score at stop, if any)", (float) left,
                (float) (height - 14));
    }

    /** 0 for the worst score, 1 for the best. */
    private static double quality(SearchData data, double score, double lo, double hi) {
        double t = (score - lo) / (hi - lo);
        return data.maximize() ? t : 1 - t;
    }

    /** Light blue (worst) to dark orange (best). */
    private static Color ramp(double t) {
        t = Math.max(0, Math.min(1, t));
        Color a = new Color(0x9ECAE1);
        Color b = new Color(0xD55E00);
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * t));
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
