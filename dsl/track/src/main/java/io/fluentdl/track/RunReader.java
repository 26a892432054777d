package io.fluentdl.track;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads one run directory back, for reports and comparisons; works on runs in progress, finished, or
 * cut short (a torn last line is skipped, and a RUNNING run whose process is gone reads as INTERRUPTED).
 *
 * <pre>{@code
 * RunReader r = RunReader.open(Path.of("results/runs/20261105-142233-bn-after-3f9a"));
 * MetricSeries acc = r.series(Scope.EPOCH, "val_accuracy");
 * List<HistogramRecord> w = r.histograms("dense_1", "W", HistogramKind.WEIGHTS);
 * }</pre>
 * A snapshot: the files are read when the reader opens (histograms on first use); open again to see more.
 */
public final class RunReader {

    private final Path dir;
    private final Run run;
    private final JsonLines.Read<MetricRecord> metrics;
    private JsonLines.Read<HistogramRecord> histograms;

    private RunReader(Path dir, Run run, JsonLines.Read<MetricRecord> metrics) {
        this.dir = dir;
        this.run = run;
        this.metrics = metrics;
    }

    /** Opens {@code <root>/runs/<run-id>}. */
    public static RunReader open(Path runDir) {
        Run run = RunFiles.readMeta(runDir).reconciled();
        return new RunReader(runDir, run, JsonLines.read(runDir.resolve(RunFiles.METRICS), MetricRecord::fromJson));
    }

    public Path dir() {
        return dir;
    }

    /** The meta, with the status a reader should believe. */
    public Run run() {
        return run;
    }

    /** Every metric record, in logging order. */
    public List<MetricRecord> metrics() {
        return metrics.records();
    }

    /** The metric names logged in {@code scope}, in first-seen order. */
    public Set<String> metricNames(Scope scope) {
        Set<String> names = new LinkedHashSet<>();
        for (MetricRecord r : metrics.records()) {
            if (r.scope() == scope) {
                names.addAll(r.values().keySet());
            }
        }
        return names;
    }

    /** One metric over iterations (STEP) or epochs (EPOCH); records without it are skipped. */
    public MetricSeries series(Scope scope, String name) {
        List<MetricRecord> with = metrics.records().stream()
                .filter(r -> r.scope() == scope && r.values().containsKey(name)).toList();
        long[] x = new long[with.size()];
        double[] y = new double[with.size()];
        for (int i = 0; i < x.length; i++) {
            MetricRecord r = with.get(i);
            x[i] = scope == Scope.STEP ? r.iteration() : r.epoch();
            y[i] = r.get(name);
        }
        return new MetricSeries(name, scope, x, y);
    }

    /** Every histogram record, in logging order. */
    public List<HistogramRecord> histograms() {
        if (histograms == null) {
            histograms = JsonLines.read(dir.resolve(RunFiles.HISTOGRAMS), HistogramRecord::fromJson);
        }
        return histograms.records();
    }

    /** One tensor's histograms over time: e.g. ("dense_1", "W", GRADIENTS). */
    public List<HistogramRecord> histograms(String layer, String param, HistogramKind kind) {
        return histograms().stream()
                .filter(h -> h.layer().equals(layer) && h.param().equals(param) && h.kind() == kind).toList();
    }

    /** The layers that have histograms, in first-seen (network) order. */
    public Set<String> histogramLayers() {
        Set<String> layers = new LinkedHashSet<>();
        histograms().forEach(h -> layers.add(h.layer()));
        return layers;
    }

    /** Whether a torn last line (a write cut off by a crash) was skipped in either file. */
    public boolean hadTornLine() {
        histograms();
        return metrics.tornLastLine() || histograms.tornLastLine();
    }

    /** The files under {@code artifacts/}. */
    public List<Path> artifacts() {
        Path artifacts = dir.resolve(RunFiles.ARTIFACTS);
        if (!Files.isDirectory(artifacts)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(artifacts)) {
            return new ArrayList<>(files.filter(p -> !p.getFileName().toString().endsWith(".tmp")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Run '%s': could not list %s", run.id(), artifacts), e);
        }
    }
}
