package io.fluentdl.experiments.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The scripts every report inlines, read from the classpath once: the vendored Apache ECharts
 * ({@value #VERSION}, {@code echarts/README.md} beside it names its source, sums and licence) and our
 * own {@code report-charts.js}, which draws each chart of the page from its option JSON. Inlined, not
 * linked to a CDN, so that a report opens offline and shows the same charts in ten years.
 */
final class EChartsScripts {

    /** The vendored ECharts release. */
    static final String VERSION = "5.6.0";
    static final String ECHARTS = "echarts/echarts.min.js";
    static final String RUNTIME = "report-charts.js";

    private static volatile String echarts;
    private static volatile String runtime;

    private EChartsScripts() {
    }

    /** ECharts' minified library, as shipped. */
    static String echarts() {
        if (echarts == null) {
            echarts = read(ECHARTS);
        }
        return echarts;
    }

    /** Our chart runtime: finds each {@code div.echart}, reads its option, adds tooltips and draws it. */
    static String runtime() {
        if (runtime == null) {
            runtime = read(RUNTIME);
        }
        return runtime;
    }

    /** A resource of this package as text; one that would end the inline script early is refused. */
    static String read(String name) {
        try (InputStream in = EChartsScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(String.format("EChartsScripts: resource '%s' is missing from the "
                        + "classpath (io/fluentdl/experiments/report/%s). Rebuild the experiments jar.", name, name));
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // inlined between <script> tags: the text must not close the element itself
            if (text.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
                throw new IllegalStateException(String.format("EChartsScripts: '%s' contains '</script', which would "
                        + "end the inline script early.", name));
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
