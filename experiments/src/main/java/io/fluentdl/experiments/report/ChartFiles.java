package io.fluentdl.experiments.report;

import io.fluentdl.experiments.results.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Renders a chart as SVG (for the report and papers) and PNG (for READMEs), written atomically. */
public final class ChartFiles {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 480;

    private ChartFiles() {
    }

    /**
     * The chart as an {@code <svg>} element. {@code id} prefixes the element's id and every
     * clip-path/gradient key, so that several SVGs inlined in one HTML page do not share ids.
     */
    public static String svg(JFreeChart chart, String id) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix(id + "-");
        chart.draw(g2, new java.awt.Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGElement(id);
    }

    /** The chart as PNG bytes. */
    public static byte[] png(JFreeChart chart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, HEIGHT);
        return bytes.toByteArray();
    }

    /** Writes {@code <base>.svg} and {@code <base>.png}; returns the SVG element for inlining. */
    public static String write(JFreeChart chart, Path dir, String base) throws IOException {
        String svg = svg(chart, base);
        AtomicFiles.writeString(dir.resolve(base + ".svg"), svgDocument(svg));
        AtomicFiles.writeBytes(dir.resolve(base + ".png"), png(chart));
        return svg;
    }

    private static String svgDocument(String element) {
        return String.format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n%s%n", element);
    }
}
