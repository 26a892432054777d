package io.fluentdl.experiments.search;

import io.fluentdl.experiments.ExperimentInfo;
import io.fluentdl.experiments.OwnOutputExperiment;
import io.fluentdl.experiments.RunContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where do uniform and log-scale draws of a learning rate and of an averaging constant land? No
 * training: {@link SamplingScales} with the first seed; 10,000 draws per scale (2,000 with --quick).
 */
public final class SamplingScalesExperiment implements OwnOutputExperiment {

    public static final String NAME = "sampling-scales";

    private static final ExperimentInfo INFO = ExperimentInfo.of(NAME,
            "Share of draws per decade: alpha in [1e-4, 1] uniform vs log-uniform, beta in [0.9, 0.999] uniform vs 1-beta log (no training)",
            1, 1);

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public String runAndWrite(RunContext context) throws Exception {
        Instant start = Instant.now();
        int draws = context.quick() ? SamplingScales.QUICK_DRAWS : SamplingScales.DRAWS;
        long seed = context.seeds().get(0);
        List<SamplingScales.Scale> scales = SamplingScales.measure(draws, seed);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("experiment", NAME);
        results.put("seed", seed);
        results.put("draws", draws);
        List<Map<String, Object>> out = new ArrayList<>();
        List<List<String>> csv = new ArrayList<>();
        csv.add(List.of("scale", "band", "share", "expected"));
        StringBuilder console = new StringBuilder(String.format("%-28s %-15s %8s %8s%n", "scale", "band", "share",
                "expected"));
        for (SamplingScales.Scale s : scales) {
            Map<String, Double> expected = SamplingScales.expected(s.name());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("shares", s.shares());
            m.put("expected", expected);
            boolean alpha = s.name().startsWith("alpha");
            m.put("histogram", Map.of("axis", alpha ? "log10(alpha)" : "log10(1 - beta)", "from", alpha ? -4 : -3,
                    "to", alpha ? 0 : -1, "counts", s.histogram()));
            out.add(m);
            s.shares().forEach((band, share) -> {
                csv.add(List.of(s.name(), band, Double.toString(share), Double.toString(expected.get(band))));
                console.append(String.format(Locale.ROOT, "%-28s %-15s %8.3f %8.3f%n", s.name(), band, share,
                        expected.get(band)));
            });
        }
        results.put("scales", out);
        SearchFiles files = new SearchFiles(context.outDir(), NAME, String.format("%d draws per scale from the search "
                + "library's random sampler (seed %d). Uniform puts ~90%% of alpha in [0.1, 1]; log-uniform 25%% per "
                + "decade. Uniform puts ~9%% of beta above 0.99; the 1-beta log scale puts half there.", draws, seed));
        files.number("alpha in [0.1, 1], uniform", pct(scales.get(0).shares().get("[1e-1, 1]")))
                .number("alpha in [0.1, 1], log-uniform", pct(scales.get(1).shares().get("[1e-1, 1]")))
                .number("beta >= 0.99, uniform", pct(scales.get(2).shares().get("[0.99, 0.999]")))
                .number("beta >= 0.99, 1-beta log-uniform", pct(scales.get(3).shares().get("[0.99, 0.999]")));
        Map<String, int[]> alphaHist = new LinkedHashMap<>();
        alphaHist.put("uniform", scales.get(0).histogram());
        alphaHist.put("log-uniform", scales.get(1).histogram());
        Map<String, int[]> betaHist = new LinkedHashMap<>();
        betaHist.put("uniform", scales.get(2).histogram());
        betaHist.put("1-beta log-uniform", scales.get(3).histogram());
        files.histogram("alpha", "Draws of alpha per bin of log10(alpha): uniform piles up in the top decade",
                        "alpha in [1e-4, 1]", "log10(alpha)", -4, 0, alphaHist)
                .histogram("beta", "Draws of beta per bin of log10(1 - beta): uniform leaves 0.99..0.999 (left half) almost empty",
                        "beta in [0.9, 0.999]", "log10(1 - beta)", -3, -1, betaHist);
        files.write(results, csv, context, start);
        return console.toString();
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
