package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One chart of a report. On screen ECharts draws it from {@code option} (hover values, zoom, series
 * toggles); the same chart is also written as static {@code <file>.svg} and {@code .png} for READMEs
 * and papers, and the page shows that SVG instead when it is printed.
 *
 * @param caption what the chart shows, in one sentence
 * @param option  the ECharts option ({@link CurveOptions}, {@link SearchOptions})
 * @param file    the static files' path relative to the report, without extension ({@code plots/<name>})
 * @param height  the chart's height on screen, in CSS pixels
 */
record Figure(String caption, ObjectNode option, String file, int height) {

    /** The height of a full-width chart. */
    static final int TALL = 440;
    /** The height of the charts shown side by side. */
    static final int SHORT = 340;

    /** The page's id of the chart, from its file name (already one safe segment). */
    String id() {
        return "chart-" + file.substring(file.lastIndexOf('/') + 1);
    }

    /** The figure as HTML: the chart's box, its option as JSON, the print image and the caption. */
    String html() {
        return String.format("""
                <figure class="chart">
                <div class="echart" id="%1$s" style="height:%2$dpx" role="img" aria-label="%3$s"></div>
                <script type="application/json" id="%1$s-option">%4$s</script>
                <img class="print-only" src="%5$s.svg" alt="%3$s">
                <figcaption>%3$s (<a href="%5$s.svg">SVG</a>, <a href="%5$s.png">PNG</a>)</figcaption>
                </figure>
                """, id(), height, Html.escape(caption), ChartJson.html(option), Html.url(file));
    }
}
