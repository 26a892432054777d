package io.fluentdl.experiments.search;

import io.fluentdl.search.Hp;
import io.fluentdl.search.HpKind;
import io.fluentdl.search.Importance;
import io.fluentdl.search.SearchResult;
import io.fluentdl.search.TrialResult;
import io.fluentdl.search.TrialStatus;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The search plots: draws per bin, score against each parameter (log axes where the scale is log), importance, best so far. */
final class SearchCharts {

    private SearchCharts() {
    }

    /** Overlaid histograms of several scales over the same bins ({@code from}..{@code to} on the x axis). */
    static JFreeChart histogram(String title, String xLabel, double from, double to, Map<String, int[]> counts) {
        XYSeriesCollection data = new XYSeriesCollection();
        int bins = counts.values().iterator().next().length;
        data.setIntervalWidth((to - from) / bins);
        counts.forEach((name, c) -> {
            XYSeries s = new XYSeries(name);
            double w = (to - from) / c.length;
            for (int i = 0; i < c.length; i++) {
                s.add(from + (i + 0.5) * w, c[i]);
            }
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYBarChart(title, xLabel, false, "draws", data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.getXYPlot().setForegroundAlpha(0.6f);
        ((XYBarRenderer) chart.getXYPlot().getRenderer()).setShadowVisible(false);
        ((XYBarRenderer) chart.getXYPlot().getRenderer()).setBarPainter(new StandardXYBarPainter());
        chart.getXYPlot().getDomainAxis().setRange(from, to);
        ((XYBarRenderer) chart.getXYPlot().getRenderer()).setDrawBarOutline(false);
        return chart;
    }

    /**
     * Score against one parameter, completed and pruned trials apart: a log axis for log-scaled Hps,
     * 1 - value on a log axis for one-minus-log ones, the values' names for choices.
     */
    static JFreeChart scoreVs(SearchResult<?> result, Hp<?> hp, String metric) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Object> values = new ArrayList<>(hp.values());
        for (TrialStatus status : List.of(TrialStatus.COMPLETE, TrialStatus.PRUNED)) {
            XYSeries s = new XYSeries(status.name().toLowerCase(), false);
            for (TrialResult t : result.trials(status)) {
                Object v = t.params().get(hp.name());
                if (Double.isNaN(t.score()) || v == null) {
                    continue;
                }
                double x = v instanceof Number && hp.kind().isNumeric() ? ((Number) v).doubleValue() : values.indexOf(v);
                if (hp.kind() == HpKind.ONE_MINUS_LOG_UNIFORM) {
                    x = 1 - x;
                }
                s.add(x, t.score());
            }
            data.addSeries(s);
        }
        String label = hp.kind() == HpKind.ONE_MINUS_LOG_UNIFORM ? String.format("1 - %s (log)", hp.name())
                : hp.kind() == HpKind.LOG_UNIFORM || hp.kind() == HpKind.INT_LOG_RANGE ? hp.name() + " (log)" : hp.name();
        JFreeChart chart = ChartFactory.createScatterPlot(String.format("%s vs %s", metric, hp.name()), label, metric,
                data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        switch (hp.kind()) {
            case LOG_UNIFORM:
            case INT_LOG_RANGE:
            case ONE_MINUS_LOG_UNIFORM: {
                LogAxis axis = new LogAxis(label);
                axis.setBase(10);
                axis.setSmallestValue(1e-12);
                plot.setDomainAxis(axis);
                break;
            }
            case CHOICE:
            case BOOL:
            case FIXED:
                plot.setDomainAxis(new SymbolAxis(label, values.stream().map(String::valueOf).toArray(String[]::new)));
                break;
            default:
                ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    /** Importance share per Hp, as bars. */
    static JFreeChart importance(List<Importance> importance) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Importance i : importance) {
            data.addValue(Double.isNaN(i.share()) ? 0 : i.share(), "variance share", i.name());
        }
        return ChartFactory.createBarChart("Parameter importance (variance share of binned marginals)", "parameter",
                "share", data, PlotOrientation.VERTICAL, false, false, false);
    }

    /** Best score so far against epochs spent, trials in number order, one line per search. */
    static JFreeChart bestSoFar(String metric, Map<String, SearchResult<?>> searches) {
        XYSeriesCollection data = new XYSeriesCollection();
        searches.forEach((name, r) -> {
            XYSeries s = new XYSeries(name);
            List<TrialResult> byNumber = new ArrayList<>(r.trials());
            byNumber.sort(Comparator.comparingInt(TrialResult::number));
            int spent = 0;
            double best = Double.NaN;
            for (TrialResult t : byNumber) {
                spent += t.epochCount();
                if (t.status() == TrialStatus.COMPLETE && (Double.isNaN(best) || r.goal().better(t.score(), best))) {
                    best = t.score();
                }
                if (!Double.isNaN(best)) {
                    s.add(spent, best);
                }
            }
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(String.format("Best %s so far against epochs spent", metric),
                "epochs spent (all trials)", metric, data, PlotOrientation.VERTICAL, true, false, false);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }
}
