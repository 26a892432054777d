package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.experiments.report.SearchData.Param;
import io.fluentdl.experiments.report.SearchData.Scale;
import io.fluentdl.experiments.report.SearchData.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The search charts as ECharts options, the interactive twins of {@link SearchCharts}: parallel
 * coordinates (drag along an axis to keep only the trials in that range; hover a line for its
 * trial), the score against each parameter (log axes where it was sampled on a log scale; zoom; hover
 * a point for its trial) and the parameters' importance.
 */
final class SearchOptions {

    private static final String COMPLETE = "complete";
    private static final String OTHER = "pruned / failed";
    private static final String BEST = "best";

    private SearchOptions() {
    }

    /** One axis per parameter and one for the score; complete trials coloured by score, the best thick. */
    static ObjectNode parallelCoordinates(SearchData data) {
        ObjectNode option = OptionParts.base(String.format("%s: parallel coordinates (%d trials; colour = %s)",
                data.name(), data.trials().size(), data.metric()));
        OptionParts.legend(option);
        OptionParts.tooltip(option, "item", OptionParts.TIP);
        option.remove("grid");
        option.putObject("parallel").put("left", 80).put("right", 110).put("top", 90).put("bottom", 40);
        ArrayNode axes = option.putArray("parallelAxis");
        List<Param> space = data.space();
        for (int a = 0; a < space.size(); a++) {
            Param p = space.get(a);
            ObjectNode axis = axes.addObject().put("dim", a).put("name", switch (p.scale()) {
                case ONE_MINUS_LOG -> "1 - " + p.name() + " (log)";
                case LOG -> p.name() + " (log)";
                default -> p.name();
            });
            if (p.scale() == Scale.CATEGORICAL) {
                axis.put("type", "category");
                ArrayNode values = axis.putArray("data");
                p.values().forEach(values::add);
            } else {
                double[] range = SearchCharts.range(p, data.trials());
                boolean log = p.scale() == Scale.LOG || p.scale() == Scale.ONE_MINUS_LOG;
                axis.put("type", log ? "log" : "value");
                axis.set("min", ChartJson.number(p.scale() == Scale.ONE_MINUS_LOG ? 1 - range[1] : range[0]));
                axis.set("max", ChartJson.number(p.scale() == Scale.ONE_MINUS_LOG ? 1 - range[0] : range[1]));
            }
        }
        axes.addObject().put("dim", space.size()).put("name", data.metric()).put("type", "value").put("scale", true);
        List<Trial> scored = data.scored();
        double lo = scored.stream().mapToDouble(Trial::score).min().orElse(0);
        double hi = scored.stream().mapToDouble(Trial::score).max().orElse(1);
        ObjectNode visual = option.putObject("visualMap").put("type", "continuous").put("dimension", space.size())
                .put("seriesIndex", 0).put("right", 8).put("top", "middle").put("calculable", true)
                .put("itemHeight", 160).put("precision", 3);
        visual.set("min", ChartJson.number(lo));
        visual.set("max", ChartJson.number(hi > lo ? hi : lo + 1e-9));
        visual.putArray("text").add(data.maximize() ? "better" : "worse").add(data.maximize() ? "worse" : "better");
        visual.putObject("inRange").putArray("color").add(data.maximize() ? "#9ecae1" : "#d55e00")
                .add(data.maximize() ? "#d55e00" : "#9ecae1");
        Trial best = data.best().orElse(null);
        ArrayNode series = option.putArray("series");
        // worst first, so that the better lines are drawn on top
        List<Trial> complete = new ArrayList<>(scored);
        complete.sort(Comparator.comparingDouble(t -> data.maximize() ? t.score() : -t.score()));
        series.add(parallel(COMPLETE, data, complete, 1.4, null));
        ObjectNode other = parallel(OTHER, data, data.trials().stream().filter(t -> !scored.contains(t)).toList(), 1.0,
                "#aaaaaa").put("z", 1);
        other.with("lineStyle").put("type", "dashed");
        series.add(other);
        series.add(parallel(BEST, data, best == null ? List.of() : List.of(best), 3.2, "#d55e00").put("z", 3));
        return option;
    }

    private static ObjectNode parallel(String name, SearchData data, List<Trial> trials, double width, String color) {
        ObjectNode series = ChartJson.object().put("type", "parallel").put("name", name).put("smooth", false);
        ObjectNode line = series.putObject("lineStyle").put("width", width).put("opacity", 0.85);
        if (color != null) {
            line.put("color", color);
        }
        series.putObject("emphasis").putObject("lineStyle").put("width", width + 2);
        ArrayNode rows = series.putArray("data");
        for (Trial t : trials) {
            ObjectNode row = rows.addObject();
            ArrayNode value = row.putArray("value");
            for (Param p : data.space()) {
                JsonNode v = t.params().get(p.name());
                if (v == null || v.isNull()) {
                    value.addNull();
                } else if (p.scale() == Scale.CATEGORICAL) {
                    value.add(v.asText());
                } else {
                    value.add(ChartJson.number(p.scale() == Scale.ONE_MINUS_LOG ? 1 - v.asDouble() : v.asDouble()));
                }
            }
            value.add(t.score() == null ? ChartJson.number(Double.NaN) : ChartJson.number(t.score()));
            row.set("tip", tip(data, t));
        }
        return series;
    }

    /** The score of every trial against one parameter: complete, pruned or failed, and the best apart. */
    static ObjectNode scoreVs(SearchData data, Param p) {
        ObjectNode option = OptionParts.base(String.format("%s vs %s", data.metric(), p.name()));
        OptionParts.legend(option);
        OptionParts.tooltip(option, "item", OptionParts.TIP);
        OptionParts.zoomX(option);
        ObjectNode x = switch (p.scale()) {
            case LOG -> OptionParts.axis("log", p.name() + " (log scale)");
            case ONE_MINUS_LOG -> OptionParts.axis("log", "1 - " + p.name() + " (log scale)");
            case CATEGORICAL -> OptionParts.axis("category", p.name());
            default -> OptionParts.axis("value", p.name());
        };
        if (p.scale() == Scale.CATEGORICAL) {
            ArrayNode values = x.putArray("data");
            p.values().forEach(values::add);
        }
        option.set("xAxis", x);
        option.set("yAxis", OptionParts.axis("value", data.metric()).put("nameGap", 50));
        Trial best = data.best().orElse(null);
        ArrayNode complete = ChartJson.array();
        ArrayNode other = ChartJson.array();
        ArrayNode bestPoint = ChartJson.array();
        for (Trial t : data.trials()) {
            JsonNode v = t.params().get(p.name());
            if (t.score() == null || v == null || v.isNull()) {
                continue;
            }
            ObjectNode point = (t == best ? bestPoint : t.complete() ? complete : other).addObject();
            ArrayNode value = point.putArray("value");
            if (p.scale() == Scale.CATEGORICAL) {
                value.add(v.asText());
            } else {
                value.add(ChartJson.number(p.scale() == Scale.ONE_MINUS_LOG ? 1 - v.asDouble() : v.asDouble()));
            }
            value.add(ChartJson.number(t.score()));
            point.set("tip", tip(data, t));
        }
        ArrayNode series = option.putArray("series");
        series.add(scatter(COMPLETE, "#0072b2", "circle", 8, complete));
        series.add(scatter(OTHER, "#aaaaaa", "circle", 7, other));
        series.add(scatter(BEST, "#d55e00", "rect", 11, bestPoint).put("z", 3));
        return option;
    }

    private static ObjectNode scatter(String name, String color, String symbol, int size, ArrayNode data) {
        ObjectNode series = ChartJson.object().put("type", "scatter").put("name", name).put("symbol", symbol)
                .put("symbolSize", size);
        series.putObject("itemStyle").put("color", color);
        series.set("data", data);
        return series;
    }

    /** Importance per parameter, largest on top: its share of the explained variance, else |Spearman rho|. */
    static ObjectNode importance(SearchData data) {
        boolean shares = data.importance().stream().allMatch(i -> i.share() != null);
        String what = shares ? "share of the score's explained variance" : "|Spearman rank correlation|";
        ObjectNode option = OptionParts.base(String.format(Locale.ROOT, "%s: parameter importance for %s", data.name(),
                data.metric()));
        OptionParts.tooltip(option, "item", OptionParts.TIP);
        option.with("grid").put("left", 140).put("top", 50).put("bottom", 50);
        List<SearchData.Importance> sorted = data.importance().stream()
                .sorted(Comparator.comparingDouble((SearchData.Importance i) -> value(i, shares))).toList();
        ObjectNode y = OptionParts.axis("category", "").put("nameGap", 0);
        ArrayNode names = y.putArray("data");
        ArrayNode bars = ChartJson.array();
        for (SearchData.Importance i : sorted) {
            names.add(i.name());
            ObjectNode bar = bars.addObject();
            bar.set("value", ChartJson.number(value(i, shares)));
            bar.putArray("tip").add(i.name()).add(String.format(Locale.ROOT, "%s: %.3f", what, value(i, shares)));
        }
        option.set("yAxis", y);
        option.set("xAxis", OptionParts.axis("value", what).put("min", 0).put("max", 1).put("scale", false));
        ObjectNode series = option.putArray("series").addObject().put("type", "bar").put("name", what)
                .put("barMaxWidth", 26);
        series.putObject("itemStyle").put("color", "#0072b2");
        series.set("data", bars);
        return option;
    }

    private static double value(SearchData.Importance i, boolean shares) {
        return shares ? i.share() : i.spearman() == null ? 0 : Math.abs(i.spearman());
    }

    /** A trial as tooltip lines: number and status, score, then each parameter. */
    private static ArrayNode tip(SearchData data, Trial t) {
        ArrayNode tip = ChartJson.array();
        tip.add(String.format(Locale.ROOT, "trial %d (%s)", t.number(), t.status()));
        tip.add(String.format(Locale.ROOT, "%s = %s", data.metric(), t.score() == null ? "none"
                : HistogramFigure.number(t.score())));
        for (Param p : data.space()) {
            JsonNode v = t.params().get(p.name());
            tip.add(String.format(Locale.ROOT, "%s = %s", p.name(), v == null || v.isNull() ? "none"
                    : v.isNumber() && !v.isIntegralNumber() ? HistogramFigure.number(v.asDouble()) : v.asText()));
        }
        return tip;
    }
}
