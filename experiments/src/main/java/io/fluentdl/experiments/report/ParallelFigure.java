package io.fluentdl.experiments.report;

import io.fluentdl.experiments.report.SearchData.Param;
import io.fluentdl.experiments.report.SearchData.Scale;
import io.fluentdl.experiments.report.SearchData.Trial;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The static parallel-coordinates figure of a search (JFreeChart has none): one vertical axis per
 * parameter and one for the score, one line per trial, coloured from light blue (worst) to orange
 * (best). Its axes place values as {@link SearchCharts#position} does; {@link SearchOptions} draws the
 * interactive twin.
 */
final class ParallelFigure {

    private static final Color OTHER = new Color(0xAAAAAA);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private ParallelFigure() {
    }

    /** Parallel coordinates: one vertical axis per parameter and one for the score; one line per trial. */
    static ChartFiles.Painter of(SearchData data) {
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
            ranges[a] = SearchCharts.range(axes.get(a), data.trials());
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
                double pos = a < axes.size() ? SearchCharts.position(axes.get(a), t.params().get(axes.get(a).name()), ranges[a][0], ranges[a][1])
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
                        ticks.add(new String[] {Double.toString(t), HistogramFigure.number(SearchCharts.valueAt(p, t, ranges[a][0], ranges[a][1]))});
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
}
