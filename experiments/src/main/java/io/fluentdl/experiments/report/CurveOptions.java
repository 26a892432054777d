package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.experiments.results.LrCurve;
import io.fluentdl.experiments.results.RangeTest;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.SeedRun;
import io.fluentdl.experiments.results.VariantResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The experiment charts as ECharts options, the interactive twins of {@link Charts}: learning curves
 * with a band over seeds (hover: each variant's mean and band at the epoch; wheel or slider: zoom;
 * legend: show or hide a variant with its band), final accuracy against the reference, learning rates
 * and the LR range test.
 */
final class CurveOptions {

    private CurveOptions() {
    }

    /** Train and test accuracy of one variant: mean lines and min-max bands over seeds. */
    static ObjectNode accuracyCurves(VariantResult variant) {
        return bands(String.format("%s: accuracy per epoch (mean, min-max band over %d seeds)", variant.name(),
                variant.runs().size()), OptionParts.axis("value", "accuracy"),
                List.of(SeedBand.of("train", variant.runs(), SeedRun::trainAccuracy),
                        SeedBand.of("test", variant.runs(), SeedRun::testAccuracy)));
    }

    /** Test accuracy of every variant, mean line and min-max band over seeds. */
    static ObjectNode testAccuracyOverview(Results results) {
        List<SeedBand> bands = new ArrayList<>();
        results.variants().forEach(v -> bands.add(SeedBand.of(v.name(), v.runs(), SeedRun::testAccuracy)));
        return bands(String.format("%s: test accuracy per epoch (mean, min-max band over %d seeds)",
                results.experiment(), results.seeds().size()), OptionParts.axis("value", "accuracy"), bands);
    }

    /** One curve of every variant on a log axis, clamped to {@code floor} as the static chart is. */
    static ObjectNode logOverview(Results results, String what, Function<SeedRun, List<Double>> curve, double floor) {
        List<SeedBand> bands = new ArrayList<>();
        results.variants().forEach(v -> bands.add(SeedBand.of(v.name(), v.runs(),
                run -> curve.apply(run).stream().map(x -> Math.max(x, floor)).toList())));
        return bands(String.format("%s: %s per epoch (mean, min-max band over %d seeds, log scale)",
                results.experiment(), what, results.seeds().size()), OptionParts.axis("log", what), bands);
    }

    /**
     * Mean lines with bands. Each band is a custom series under its mean line with the same name, so
     * that the name's legend entry toggles line and band together.
     */
    static ObjectNode bands(String title, ObjectNode yAxis, List<SeedBand> bands) {
        ObjectNode option = OptionParts.base(title);
        OptionParts.legend(option);
        OptionParts.tooltip(option, "axis", OptionParts.BAND);
        OptionParts.zoomX(option);
        option.set("xAxis", OptionParts.epochAxis());
        option.set("yAxis", yAxis.put("nameGap", 50));
        ArrayNode series = option.putArray("series");
        for (int i = 0; i < bands.size(); i++) { // the means first: the legend draws its icon from a name's first series
            SeedBand b = bands.get(i);
            ArrayNode data = ChartJson.array();
            for (int e = 0; e < b.epochs(); e++) {
                data.add(ChartJson.numbers(e + 1, b.mean()[e], b.low()[e], b.high()[e]));
            }
            ObjectNode mean = line(b.name(), b.name() + OptionParts.MEAN, OptionParts.color(i), data).put("z", 3);
            mean.putObject("encode").put("x", 0).put("y", 1);
            series.add(mean);
        }
        for (int i = 0; i < bands.size(); i++) {
            SeedBand b = bands.get(i);
            // one quadrilateral per epoch step, drawn by report-charts.js; ECharts' stacked areas
            // stack on the x values too when both axes are value axes
            ArrayNode segments = ChartJson.array();
            for (int e = 0; e + 1 < b.epochs(); e++) {
                segments.add(ChartJson.numbers(e + 1, b.low()[e], b.high()[e], e + 2, b.low()[e + 1], b.high()[e + 1]));
            }
            ObjectNode band = series.addObject().put("type", "custom").put("name", b.name()).put("id", b.name() + "/band")
                    .put("band", true).put("silent", true).put("clip", true).put("z", 1);
            band.putObject("itemStyle").put("color", OptionParts.color(i));
            ObjectNode encode = band.putObject("encode");
            encode.putArray("x").add(0).add(3);
            encode.putArray("y").add(1).add(2).add(4).add(5);
            band.set("data", segments);
        }
        return option;
    }

    /**
     * Final accuracy per variant: the mean over seeds with ± std whiskers, train and test, beside the
     * published reference where there is one. Hover a point for its numbers.
     */
    static ObjectNode finalAccuracy(Results results) {
        ObjectNode option = OptionParts.base(String.format("%s: final accuracy (mean ± std over %d seeds) vs reference",
                results.experiment(), results.seeds().size()));
        OptionParts.legend(option);
        OptionParts.tooltip(option, "item", OptionParts.TIP);
        ArrayNode names = ChartJson.array();
        results.variants().forEach(v -> names.add(v.name()));
        ObjectNode x = OptionParts.axis("category", "variant").put("nameGap", 80);
        x.set("data", names);
        x.putObject("axisLabel").put("rotate", 30).put("interval", 0);
        option.set("xAxis", x);
        option.set("yAxis", OptionParts.axis("value", "accuracy after the last epoch").put("nameGap", 50));
        option.with("grid").put("bottom", 120);
        ArrayNode series = option.putArray("series");
        String[] names4 = {"train (ours)", "test (ours)", "train (reference)", "test (reference)"};
        int[] offsets = {-15, -5, 5, 15};
        for (int s = 0; s < names4.length; s++) {
            ArrayNode points = ChartJson.array();
            ArrayNode whiskers = ChartJson.array();
            for (int i = 0; i < results.variants().size(); i++) {
                VariantResult v = results.variants().get(i);
                double mean;
                double std = 0;
                if (s < 2) {
                    mean = s == 0 ? v.trainAccuracy().mean() : v.testAccuracy().mean();
                    std = s == 0 ? v.trainAccuracy().std() : v.testAccuracy().std();
                } else {
                    var ref = results.reference().of(v.name());
                    if (ref.isEmpty()) {
                        continue;
                    }
                    mean = s == 2 ? ref.get().train() : ref.get().test();
                }
                ObjectNode point = points.addObject();
                point.set("value", ChartJson.numbers(i, mean));
                point.putArray("tip").add(v.name()).add(s < 2
                        ? String.format(Locale.ROOT, "%s: %.4f ± %.4f over %d seeds", names4[s], mean, std, v.runs().size())
                        : String.format(Locale.ROOT, "%s: %.3f (published single run)", names4[s], mean));
                if (s < 2) {
                    whiskers.add(ChartJson.numbers(i, mean - std, mean + std));
                }
            }
            ObjectNode scatter = series.addObject().put("type", "scatter").put("name", names4[s]).put("symbolSize", 9)
                    .put("z", 3);
            scatter.putArray("symbolOffset").add(offsets[s]).add(0);
            scatter.putObject("itemStyle").put("color", OptionParts.color(s));
            scatter.set("data", points);
            if (s < 2) {
                // drawn by report-charts.js: a vertical line from low to high at the point's offset
                ObjectNode bars = series.addObject().put("type", "custom").put("name", names4[s])
                        .put("errorBars", offsets[s]).put("silent", true).put("z", 2);
                bars.putObject("itemStyle").put("color", "#555555");
                bars.putObject("encode").put("x", 0).putArray("y").add(1).add(2);
                bars.set("data", whiskers);
            }
        }
        return option;
    }

    /** The learning rate over training of every variant that records one, log axis (as {@link Charts#learningRates}). */
    static ObjectNode learningRates(Results results) {
        ObjectNode option = OptionParts.base(String.format("%s: learning rate over training (log scale)",
                results.experiment()));
        OptionParts.legend(option);
        OptionParts.tooltip(option, "axis", OptionParts.LINES);
        OptionParts.zoomX(option);
        option.set("xAxis", OptionParts.axis("value", "epoch").put("min", "dataMin").put("max", "dataMax"));
        option.set("yAxis", OptionParts.axis("log", "learning rate").put("nameGap", 50));
        ArrayNode series = option.putArray("series");
        int i = 0;
        for (VariantResult v : results.variants()) {
            ArrayNode data = ChartJson.array();
            LrCurve curve = v.schedule();
            if (curve != null) {
                for (int k = 0; k < curve.epoch().size(); k++) {
                    data.add(ChartJson.numbers(curve.epoch().get(k), curve.learningRate().get(k)));
                }
            } else if (!v.runs().isEmpty() && v.runs().get(0).learningRate() != null) {
                List<Double> rates = v.runs().get(0).learningRate();
                for (int e = 0; e < rates.size(); e++) {
                    data.add(ChartJson.numbers(e + 1, rates.get(e)));
                }
            }
            if (!data.isEmpty()) {
                series.add(line(v.name(), v.name(), OptionParts.color(i++), data));
            }
        }
        return option;
    }

    /** An LR range test: raw and smoothed loss against the rate (log axis), the suggestions marked. */
    static ObjectNode lossVersusLearningRate(RangeTest test) {
        ObjectNode option = OptionParts.base(String.format("LR range test, %s (seed %d): loss against learning rate",
                test.name(), test.seed()));
        OptionParts.legend(option);
        OptionParts.tooltip(option, "axis", OptionParts.LINES);
        OptionParts.zoomX(option);
        option.set("xAxis", OptionParts.axis("log", "learning rate (log scale)"));
        ObjectNode y = OptionParts.axis("value", "training loss").put("nameGap", 50);
        double low = test.loss().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = 1.5 * test.smoothedLoss().get(0); // as the static chart: the loss explodes at the end
        if (high > low) {
            y.set("min", ChartJson.number(0.95 * low));
            y.set("max", ChartJson.number(high));
        }
        option.set("yAxis", y);
        ArrayNode raw = ChartJson.array();
        ArrayNode smooth = ChartJson.array();
        for (int i = 0; i < test.learningRate().size(); i++) {
            raw.add(ChartJson.numbers(test.learningRate().get(i), test.loss().get(i)));
            smooth.add(ChartJson.numbers(test.learningRate().get(i), test.smoothedLoss().get(i)));
        }
        ArrayNode series = option.putArray("series");
        ObjectNode rawLine = line("loss per mini-batch", "raw", "#999999", raw);
        rawLine.with("lineStyle").put("width", 0.8);
        series.add(rawLine);
        ObjectNode smoothLine = line("smoothed loss", "smoothed", OptionParts.color(0), smooth);
        smoothLine.with("lineStyle").put("width", 2.2);
        ObjectNode marks = smoothLine.putObject("markLine").put("symbol", "none").put("silent", true);
        ArrayNode lines = marks.putArray("data");
        lines.addObject().put("xAxis", test.suggestedSteepest()).put("name", String.format(Locale.ROOT, "steepest %.3g",
                test.suggestedSteepest())).putObject("lineStyle").put("color", OptionParts.color(1));
        lines.addObject().put("xAxis", test.suggestedMinOver10()).put("name", String.format(Locale.ROOT, "min/10 %.3g",
                test.suggestedMinOver10())).putObject("lineStyle").put("color", OptionParts.color(2));
        marks.putObject("label").put("formatter", "{b}");
        series.add(smoothLine);
        return option;
    }

    private static ObjectNode line(String name, String id, String color, ArrayNode data) {
        ObjectNode line = ChartJson.object().put("type", "line").put("name", name).put("id", id)
                .put("showSymbol", false).put("symbolSize", 5);
        line.putObject("itemStyle").put("color", color);
        line.putObject("lineStyle").put("width", 1.6);
        line.set("data", data);
        return line;
    }
}
