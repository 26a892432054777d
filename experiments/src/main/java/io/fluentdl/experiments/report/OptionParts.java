package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.util.Locale;

/**
 * The parts every ECharts option of a report shares: title, palette (the static charts' Okabe-Ito
 * colours), legend, toolbox, zoom, axes and the tooltip. {@code tooltip.formatter} is a name that
 * {@code report-charts.js} maps to a function ({@link #BAND}, {@link #TIP}), since JSON holds no code.
 */
final class OptionParts {

    /** Axis tooltip of mean lines: "name: mean (low–high)" per series whose id ends in {@link #MEAN}. */
    static final String BAND = "band";
    /** Item tooltip: the lines of the data item's {@code tip} array, then its formatted value. */
    static final String TIP = "tip";
    /** Axis tooltip of plain lines: "name: value" per series. */
    static final String LINES = "lines";
    /** The id suffix of a band's mean line; its lower edge and width end in "/low" and "/width". */
    static final String MEAN = "/mean";
    /** The tooltip element's class, which tests read. */
    static final String TOOLTIP_CLASS = "fluentdl-tooltip";

    private OptionParts() {
    }

    /** A chart with a title, our palette, no animation (drawn at once, printable) and a save/restore toolbox. */
    static ObjectNode base(String title) {
        ObjectNode option = ChartJson.object();
        option.putObject("title").put("text", title).put("left", "center").putObject("textStyle").put("fontSize", 13);
        ArrayNode colors = option.putArray("color");
        for (Color c : Charts.PALETTE) {
            colors.add(hex(c));
        }
        option.put("animation", false);
        option.putObject("grid").put("left", 70).put("right", 40).put("top", 78).put("bottom", 72).put("containLabel", false);
        ObjectNode features = option.putObject("toolbox").put("right", 12).put("top", 28).putObject("feature");
        features.putObject("restore").put("title", "reset zoom");
        features.putObject("saveAsImage").put("title", "save");
        return option;
    }

    /** A scrolling legend under the title; clicking a name shows or hides its series. */
    static void legend(ObjectNode option) {
        option.putObject("legend").put("type", "scroll").put("top", 30).put("left", 40).put("right", 80);
    }

    /** Zoom on the x axis: the mouse wheel or a pinch inside the plot, and a slider under it. */
    static void zoomX(ObjectNode option) {
        ArrayNode zoom = option.putArray("dataZoom");
        zoom.addObject().put("type", "inside").put("xAxisIndex", 0).put("filterMode", "none");
        zoom.addObject().put("type", "slider").put("xAxisIndex", 0).put("height", 18).put("bottom", 10)
                .put("filterMode", "none");
    }

    /** The tooltip, with a formatter named for {@code report-charts.js}. */
    static void tooltip(ObjectNode option, String trigger, String formatter) {
        ObjectNode tooltip = option.putObject("tooltip").put("trigger", trigger).put("formatter", formatter)
                .put("className", TOOLTIP_CLASS).put("transitionDuration", 0).put("confine", true);
        if (trigger.equals("axis")) {
            tooltip.putObject("axisPointer").put("type", "line");
        }
    }

    /** A value axis: "value", "log" or "category"; {@code scale} leaves out zero when the data is far from it. */
    static ObjectNode axis(String type, String name) {
        ObjectNode axis = ChartJson.object().put("type", type).put("name", name).put("nameLocation", "middle")
                .put("nameGap", 30);
        if (type.equals("value")) {
            axis.put("scale", true);
        }
        return axis;
    }

    /** The epoch axis: integers from 1. */
    static ObjectNode epochAxis() {
        return axis("value", "epoch").put("minInterval", 1).put("min", 1).put("max", "dataMax");
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static String color(int i) {
        return hex(Charts.PALETTE[i % Charts.PALETTE.length]);
    }
}
