package io.fluentdl.experiments.report;

import io.fluentdl.experiments.results.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Renders a chart as SVG (for the report and papers) and PNG (for READMEs), written atomically.
 * Charts are JFreeChart charts or our own {@link Painter}s (heatmaps, parallel coordinates), drawn by
 * the same Java2D code into both formats.
 */
public final class ChartFiles {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 480;
    /** PNGs of painters are drawn at this scale, so that they stay sharp on high-density screens. */
    static final int PNG_SCALE = 2;

    /** A figure drawn with Java2D into a {@code width} x {@code height} box. */
    public interface Painter {
        int width();

        int height();

        void paint(Graphics2D g);
    }

    private ChartFiles() {
    }

    /**
     * The chart as an {@code <svg>} element. {@code id} prefixes the element's id and every
     * clip-path/gradient key, so that several SVGs inlined in one HTML page do not share ids.
     */
    public static String svg(JFreeChart chart, String id) {
        return svg(chart, id, WIDTH, HEIGHT);
    }

    /** The chart as an {@code <svg>} element of the given size. */
    public static String svg(JFreeChart chart, String id, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(safe(id) + "-");
        chart.draw(g2, new java.awt.Rectangle(0, 0, width, height));
        return element(g2, id, width, height);
    }

    /** The chart as PNG bytes. */
    public static byte[] png(JFreeChart chart) throws IOException {
        return png(chart, WIDTH, HEIGHT);
    }

    /** The chart as PNG bytes of the given size. */
    public static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(bytes, chart, width, height);
        return bytes.toByteArray();
    }

    /** Writes {@code <base>.svg} and {@code <base>.png}; returns the SVG element for inlining. */
    public static String write(JFreeChart chart, Path dir, String base) throws IOException {
        return write(chart, dir, base, WIDTH, HEIGHT);
    }

    /** Writes {@code <base>.svg} and {@code <base>.png} of the given size; returns the SVG element. */
    public static String write(JFreeChart chart, Path dir, String base, int width, int height) throws IOException {
        String svg = svg(chart, base, width, height);
        AtomicFiles.writeString(dir.resolve(base + ".svg"), svgDocument(svg));
        AtomicFiles.writeBytes(dir.resolve(base + ".png"), png(chart, width, height));
        return svg;
    }

    /** The painter as an {@code <svg>} element whose ids start with {@code id}. */
    public static String svg(Painter painter, String id) {
        SVGGraphics2D g2 = new SVGGraphics2D(painter.width(), painter.height());
        g2.setDefsKeyPrefix(safe(id) + "-");
        painter.paint(g2);
        return element(g2, id, painter.width(), painter.height());
    }

    /** The painter as PNG bytes, at {@link #PNG_SCALE} times its size. */
    public static byte[] png(Painter painter) throws IOException {
        BufferedImage image = new BufferedImage(painter.width() * PNG_SCALE, painter.height() * PNG_SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(PNG_SCALE, PNG_SCALE);
            painter.paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** Writes {@code <base>.svg} and {@code <base>.png}; returns the PNG bytes. */
    public static byte[] write(Painter painter, Path dir, String base) throws IOException {
        AtomicFiles.writeString(dir.resolve(base + ".svg"), svgDocument(svg(painter, base)));
        byte[] png = png(painter);
        AtomicFiles.writeBytes(dir.resolve(base + ".png"), png);
        return png;
    }

    /**
     * JFreeSVG writes the id into the {@code <svg id='...'>} attribute as it is, and the id also names the
     * files: a name that is not one safe segment ({@link Html#id}) is a bug in the caller, never written.
     */
    private static String safe(String id) {
        if (!Html.id(id).equals(id)) {
            throw new IllegalArgumentException(String.format("ChartFiles: a chart id must be one safe name "
                    + "(letters, digits, '.', '_', '-'), got id='%s'. Pass it through Html.id first.", id));
        }
        return id;
    }

    /** With a viewBox, so that the page can scale the SVG to its column without cropping it. */
    private static String element(SVGGraphics2D g2, String id, int width, int height) {
        return g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    }

    private static String svgDocument(String element) {
        return String.format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n%s%n", element);
    }
}
