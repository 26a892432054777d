package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.experiments.report.SearchData.Trial;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The figures a search experiment shows besides its searches' own ({@link SearchExperimentPage}), each
 * drawn twice from the same numbers (a static JFreeChart, an ECharts option): overlaid histograms of
 * draws per bin ({@code "kind": "histogram"}), and the best score so far against the epochs spent, one
 * line per search ({@code "kind": "best_so_far"}).
 */
final class SearchExtras {

    private SearchExtras() {
    }

    /** A histogram spec's series: name to counts per bin, in order. */
    static Map<String, double[]> counts(JsonNode spec) {
        Map<String, double[]> counts = new LinkedHashMap<>();
        spec.path("series").fields().forEachRemaining(e -> {
            double[] c = new double[e.getValue().size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = e.getValue().get(i).asDouble();
            }
            counts.put(e.getKey(), c);
        });
        return counts;
    }

    /** Overlaid histograms over the bins from {@code spec.from} to {@code spec.to} on the x axis. */
    static JFreeChart histogram(JsonNode spec) {
        double from = spec.path("from").asDouble();
        double to = spec.path("to").asDouble();
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, double[]> counts = counts(spec);
        counts.forEach((name, c) -> {
            XYSeries s = new XYSeries(name);
            for (int i = 0; i < c.length; i++) {
                s.add(from + (i + 0.5) * (to - from) / c.length, c[i]);
            }
            data.addSeries(s);
        });
        data.setIntervalWidth((to - from) / counts.values().stream().mapToInt(c -> c.length).findFirst().orElse(1));
        JFreeChart chart = ChartFactory.createXYBarChart(spec.path("title").asText(), spec.path("axis").asText(), false,
                "draws", data, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setForegroundAlpha(0.6f);
        XYBarRenderer renderer = (XYBarRenderer) chart.getXYPlot().getRenderer();
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setDrawBarOutline(false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Charts.PALETTE[i % Charts.PALETTE.length]);
        }
        chart.getXYPlot().getDomainAxis().setRange(from, to);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The same histogram for ECharts: one translucent bar series per scale, hover shows bin and count. */
    static ObjectNode histogramOption(JsonNode spec) {
        double from = spec.path("from").asDouble();
        double to = spec.path("to").asDouble();
        ObjectNode option = OptionParts.base(spec.path("title").asText());
        OptionParts.legend(option);
        OptionParts.tooltip(option, "item", OptionParts.TIP);
        option.set("xAxis", OptionParts.axis("value", spec.path("axis").asText()).put("min", from).put("max", to)
                .put("scale", false));
        option.set("yAxis", OptionParts.axis("value", "draws").put("scale", false).put("nameGap", 45));
        ArrayNode series = option.putArray("series");
        counts(spec).forEach((name, c) -> {
            double w = (to - from) / c.length;
            ObjectNode s = series.addObject().put("type", "bar").put("name", name).put("barGap", "-100%")
                    .put("barCategoryGap", "0%");
            s.putObject("itemStyle").put("opacity", 0.6);
            ArrayNode points = s.putArray("data");
            for (int i = 0; i < c.length; i++) {
                ObjectNode point = points.addObject();
                point.set("value", ChartJson.numbers(from + (i + 0.5) * w, c[i]));
                point.putArray("tip").add(name).add(String.format(Locale.ROOT, "%s in [%.2f, %.2f)",
                        spec.path("axis").asText(), from + i * w, from + (i + 1) * w));
            }
        });
        return option;
    }

    /** Per search: (epochs spent, best complete score so far) after each trial, trials in number order. */
    static Map<String, List<double[]>> bestSoFar(List<SearchData> searches) {
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        for (SearchData data : searches) {
            List<Trial> byNumber = new ArrayList<>(data.trials());
            byNumber.sort(Comparator.comparingInt(Trial::number));
            List<double[]> points = new ArrayList<>();
            double spent = 0;
            Double best = null;
            for (Trial t : byNumber) {
                spent += t.epochs() == null ? 0 : t.epochs();
                if (t.complete() && t.score() != null
                        && (best == null || (data.maximize() ? t.score() > best : t.score() < best))) {
                    best = t.score();
                }
                if (best != null) {
                    points.add(new double[]{spent, best});
                }
            }
            lines.put(data.name(), points);
        }
        return lines;
    }

    static JFreeChart bestSoFarChart(String metric, List<SearchData> searches) {
        XYSeriesCollection data = new XYSeriesCollection();
        bestSoFar(searches).forEach((name, points) -> {
            XYSeries s = new XYSeries(name);
            points.forEach(p -> s.add(p[0], p[1]));
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(String.format("Best %s so far against epochs spent", metric),
                "epochs spent (all trials)", metric, data, PlotOrientation.VERTICAL, true, false, false);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            chart.getXYPlot().getRenderer().setSeriesPaint(i, Charts.PALETTE[i % Charts.PALETTE.length]);
        }
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static ObjectNode bestSoFarOption(String metric, List<SearchData> searches) {
        ObjectNode option = OptionParts.base(String.format("Best %s so far against epochs spent", metric));
        OptionParts.legend(option);
        OptionParts.tooltip(option, "axis", OptionParts.LINES);
        OptionParts.zoomX(option);
        option.set("xAxis", OptionParts.axis("value", "epochs spent (all trials)").put("scale", false));
        option.set("yAxis", OptionParts.axis("value", metric).put("nameGap", 50));
        ArrayNode series = option.putArray("series");
        bestSoFar(searches).forEach((name, points) -> {
            ObjectNode s = series.addObject().put("type", "line").put("name", name).put("step", "end")
                    .put("showSymbol", false);
            ArrayNode rows = s.putArray("data");
            points.forEach(p -> rows.add(ChartJson.numbers(p[0], p[1])));
        });
        return option;
    }
}
