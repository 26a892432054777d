package io.fluentdl.experiments.bench;

import io.fluentdl.Engine;
import java.nio.file.Path;
import java.util.List;

/**
 * How much the bench runs. {@link #quickPreset()} fits CI (under two minutes on 2 cores); {@link #fullPreset()}
 * is what the README's table comes from.
 *
 * @param quick          label only: which preset this came from
 * @param examples       training examples per timed epoch (a prefix of MNIST's training set)
 * @param warmups        untimed epochs per configuration before timing
 * @param repeats        timed epochs per configuration, interleaved across configurations
 * @param batchSizes     batch sizes timed
 * @param searchTrials   trials per search timing (0 skips the search)
 * @param peakGflops     the machine's peak in GFLOP/s, or NaN to measure it with {@link PeakProbe}
 * @param peer           {@code "torch"} to time PyTorch too, or null
 * @param json           where to write the JSON, or null
 * @param synthetic      random data instead of MNIST (tests; throughput does not depend on pixel values)
 * @param engine         which layers the DSL's models run; with {@link Engine#FAST} the DSL is also timed on
 *                       {@link Engine#STOCK}, for {@code fastOverStock} and a DSL/raw ratio of like with like
 * @param blasThreads    BLAS threads for the training runs, or 0 for FluentDL's default ({@code NativeThreads})
 */
public record BenchOptions(boolean quick, int examples, int warmups, int repeats, List<Integer> batchSizes,
                           int searchTrials, double peakGflops, String peer, Path json, boolean synthetic,
                           Engine engine, int blasThreads) {

    public static BenchOptions quickPreset() {
        return new BenchOptions(true, 4_096, 1, 3, List.of(128, 1024), 2, Double.NaN, null, null, false, Engine.DEFAULT, 0);
    }

    public static BenchOptions fullPreset() {
        return new BenchOptions(false, 16_384, 1, 5, List.of(128, 1024), 6, Double.NaN, null, null, false, Engine.DEFAULT, 0);
    }

    public BenchOptions withPeer(String p) {
        return new BenchOptions(quick, examples, warmups, repeats, batchSizes, searchTrials, peakGflops, p, json, synthetic, engine, blasThreads);
    }

    public BenchOptions withJson(Path p) {
        return new BenchOptions(quick, examples, warmups, repeats, batchSizes, searchTrials, peakGflops, peer, p, synthetic, engine, blasThreads);
    }

    public BenchOptions withPeakGflops(double g) {
        return new BenchOptions(quick, examples, warmups, repeats, batchSizes, searchTrials, g, peer, json, synthetic, engine, blasThreads);
    }

    public BenchOptions withEngine(Engine e) {
        return new BenchOptions(quick, examples, warmups, repeats, batchSizes, searchTrials, peakGflops, peer, json, synthetic, e, blasThreads);
    }

    public BenchOptions withBlasThreads(int n) {
        return new BenchOptions(quick, examples, warmups, repeats, batchSizes, searchTrials, peakGflops, peer, json, synthetic, engine, n);
    }

    /** A tiny run for tests: few examples, one repeat, no search. */
    public BenchOptions tiny() {
        return new BenchOptions(true, 512, 0, 1, List.of(128), 0, 100.0, peer, json, true, engine, blasThreads);
    }
}
