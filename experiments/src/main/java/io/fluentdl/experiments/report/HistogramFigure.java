package io.fluentdl.experiments.report;

import io.fluentdl.track.Histogram;
import io.fluentdl.track.HistogramKind;
import io.fluentdl.track.HistogramRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Histograms over time as small multiples, TensorBoard's "distributions" as heatmaps: one row per
 * parameter tensor (e.g. {@code dense_1 / W}), one column per kind (weights, gradients, updates). In
 * each panel x is the iteration, y the value and the shade how many of the tensor's values fall in
 * that value bin at that iteration (per column, relative to its fullest bin, square-root scaled so
 * thin tails stay visible); the orange line is the mean.
 *
 * <p>Each recorded histogram has its own [min, max]; the panel's value axis spans all of them, and
 * every histogram is re-binned onto it, spreading each bin's count over the panel bins it overlaps.
 */
final class HistogramFigure implements ChartFiles.Painter {

    static final List<HistogramKind> KINDS = List.of(HistogramKind.WEIGHTS, HistogramKind.GRADIENTS,
            HistogramKind.UPDATES);
    private static final int VALUE_BINS = 40;
    private static final int PANEL_W = 230;
    private static final int PANEL_H = 96;
    private static final int LEFT = 150;
    private static final int AXIS_W = 58;
    private static final int GAP_X = 22;
    private static final int TOP = 48;
    private static final int ROW_H = PANEL_H + 34;
    private static final Color INK = new Color(0x222222);
    private static final Color MUTED = new Color(0x666666);
    private static final Color MEAN = new Color(0xE66100);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 9);

    /** One row: a tensor and its histograms by kind, in iteration order. */
    record Row(String layer, String param, Map<HistogramKind, List<HistogramRecord>> byKind) {
    }

    private final String title;
    private final List<Row> rows;

    private HistogramFigure(String title, List<Row> rows) {
        this.title = title;
        this.rows = List.copyOf(rows);
    }

    /**
     * The figure of one run's histograms: one row per trainable tensor (those with gradients), in
     * network order.
     */
    static HistogramFigure of(String title, List<HistogramRecord> records) {
        Set<String> tensors = new LinkedHashSet<>();
        for (HistogramRecord r : records) {
            if (r.kind() == HistogramKind.GRADIENTS) {
                tensors.add(r.layer() + '\u0000' + r.param());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String tensor : tensors) {
            String[] parts = tensor.split("\u0000", 2);
            Map<HistogramKind, List<HistogramRecord>> byKind = new LinkedHashMap<>();
            for (HistogramKind kind : KINDS) {
                byKind.put(kind, records.stream()
                        .filter(r -> r.kind() == kind && r.layer().equals(parts[0]) && r.param().equals(parts[1])).toList());
            }
            rows.add(new Row(parts[0], parts[1], byKind));
        }
        return new HistogramFigure(title, rows);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    int rowCount() {
        return rows.size();
    }

    @Override
    public int width() {
        return LEFT + KINDS.size() * (AXIS_W + PANEL_W + GAP_X);
    }

    @Override
    public int height() {
        return TOP + rows.size() * ROW_H + 24;
    }

    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        g.setColor(INK);
        g.setFont(TITLE);
        g.drawString(title, 10, 18);
        g.setFont(LABEL);
        for (int k = 0; k < KINDS.size(); k++) {
            g.setColor(INK);
            g.drawString(KINDS.get(k).name().toLowerCase(Locale.ROOT), panelX(k), TOP - 10);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int y = TOP + r * ROW_H;
            g.setColor(INK);
            g.setFont(LABEL);
            g.drawString(row.layer(), 10, y + PANEL_H / 2 - 2);
            g.setColor(MUTED);
            g.drawString(row.param(), 10, y + PANEL_H / 2 + 12);
            for (int k = 0; k < KINDS.size(); k++) {
                panel(g, row.byKind().getOrDefault(KINDS.get(k), List.of()), panelX(k), y);
            }
        }
        g.setFont(SMALL);
        g.setColor(MUTED);
        g.drawString("x: iteration   y: value   shade: share of the tensor's values (per iteration)   orange: mean",
                10, height() - 8);
    }

    private static int panelX(int k) {
        return LEFT + AXIS_W + k * (AXIS_W + PANEL_W + GAP_X);
    }

    private static void panel(Graphics2D g, List<HistogramRecord> records, int x0, int y0) {
        g.setColor(new Color(0xF4F4F4));
        g.fill(new Rectangle2D.Double(x0, y0, PANEL_W, PANEL_H));
        List<HistogramRecord> usable = records.stream().filter(r -> r.histogram().count() > 0).toList();
        if (usable.isEmpty()) {
            g.setColor(MUTED);
            g.setFont(LABEL);
            g.drawString("not recorded", x0 + PANEL_W / 2 - 30, y0 + PANEL_H / 2);
            return;
        }
        double lo = usable.stream().mapToDouble(r -> r.histogram().min()).min().orElseThrow();
        double hi = usable.stream().mapToDouble(r -> r.histogram().max()).max().orElseThrow();
        if (hi <= lo) {
            double pad = lo == 0 ? 1e-6 : Math.abs(lo) * 0.01;
            lo -= pad;
            hi += pad;
        }
        int columns = usable.size();
        double columnWidth = (double) PANEL_W / columns;
        double binHeight = (double) PANEL_H / VALUE_BINS;
        Path2D.Double meanLine = new Path2D.Double();
        for (int c = 0; c < columns; c++) {
            Histogram h = usable.get(c).histogram();
            double[] shares = rebin(h, lo, hi);
            double max = 0;
            for (double s : shares) {
                max = Math.max(max, s);
            }
            for (int b = 0; b < VALUE_BINS; b++) {
                if (shares[b] <= 0) {
                    continue;
                }
                // quantized shades: fewer distinct colours, smaller SVG, no visible loss
                int level = (int) Math.ceil(Math.sqrt(shares[b] / max) * 16);
                g.setColor(shade(level / 16.0));
                g.fill(new Rectangle2D.Double(x0 + c * columnWidth, y0 + PANEL_H - (b + 1) * binHeight,
                        Math.ceil(columnWidth * 100) / 100 + 0.3, binHeight + 0.3));
            }
            double my = y0 + PANEL_H - (h.mean() - lo) / (hi - lo) * PANEL_H;
            double mx = x0 + (c + 0.5) * columnWidth;
            if (c == 0) {
                meanLine.moveTo(mx, my);
            } else {
                meanLine.lineTo(mx, my);
            }
        }
        g.setColor(MEAN);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(meanLine);
        g.setColor(new Color(0xBBBBBB));
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Rectangle2D.Double(x0, y0, PANEL_W, PANEL_H));
        g.setColor(MUTED);
        g.setFont(SMALL);
        drawRight(g, number(hi), x0 - 4, y0 + 8);
        drawRight(g, number((lo + hi) / 2), x0 - 4, y0 + PANEL_H / 2 + 3);
        drawRight(g, number(lo), x0 - 4, y0 + PANEL_H);
        g.drawString(Long.toString(usable.get(0).iteration()), x0, y0 + PANEL_H + 11);
        String last = String.format("iteration %d", usable.get(columns - 1).iteration());
        drawRight(g, last, x0 + PANEL_W, y0 + PANEL_H + 11);
    }

    /** The histogram's counts spread over {@link #VALUE_BINS} equal bins of [lo, hi], as shares of its count. */
    static double[] rebin(Histogram h, double lo, double hi) {
        double[] out = new double[VALUE_BINS];
        long[] counts = h.counts();
        double total = h.count();
        double width = (hi - lo) / VALUE_BINS;
        double sourceWidth = h.binWidth();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double a = h.min() + i * sourceWidth;
            double b = a + sourceWidth;
            if (sourceWidth <= 0) {
                out[clamp((int) ((a - lo) / width))] += counts[i] / total;
                continue;
            }
            int first = clamp((int) Math.floor((a - lo) / width));
            int lastBin = clamp((int) Math.floor((b - lo) / width));
            for (int t = first; t <= lastBin; t++) {
                double overlap = Math.min(b, lo + (t + 1) * width) - Math.max(a, lo + t * width);
                if (overlap > 0) {
                    out[t] += counts[i] / total * overlap / sourceWidth;
                }
            }
        }
        return out;
    }

    private static int clamp(int bin) {
        return Math.max(0, Math.min(VALUE_BINS - 1, bin));
    }

    /** White to dark blue. */
    private static Color shade(double t) {
        t = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(247 + (8 - 247) * t);
        int g = (int) Math.round(251 + (48 - 251) * t);
        int b = (int) Math.round(255 + (107 - 255) * t);
        return new Color(r, g, b);
    }

    private static void drawRight(Graphics2D g, String text, double right, double baseline) {
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (float) (right - w), (float) baseline);
    }

    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e-2 && a < 1e4 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.1e", v);
    }
}
