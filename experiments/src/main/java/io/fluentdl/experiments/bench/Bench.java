package io.fluentdl.experiments.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.Engine;
import io.fluentdl.Model;
import io.fluentdl.data.Dataset;
import io.fluentdl.internal.dl4j.NativeThreads;
import io.fluentdl.train.History;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code fluentdl bench}: times the MNIST MLP (784-512-512-10) built through the DSL against the same
 * network written in raw DL4J, in one process, interleaved (every repeat visits every configuration,
 * DSL and raw alternating who goes first), after warm-up epochs. Reports medians and spread of
 * training and inference examples/s, GFLOP/s and fraction of peak, the DSL/raw ratio (median of
 * the per-repeat ratios, which cancels slow drifts of a shared machine), what the DSL's epoch-end
 * evaluation costs, the tracker's overhead, search trials/hour with 1 and 2 workers, and with {@code --peer torch} PyTorch.
 *
 * <p>The DSL side runs {@link Model#fit} (its own shuffling iterator; the training time is the one
 * {@code fit} reports, the epoch time adds its evaluation of the training set); the raw side runs
 * {@code MultiLayerNetwork.fit} on a {@link ExistingDataSetIterator} over batches made once ({@code DataSet.batchBy}), the
 * fastest input a DL4J user writes (no reshuffle between epochs). Not {@code ListDataSetIterator}:
 * its {@code next()} merges {@code batch} list items, so a list of batches becomes one giant batch
 * (an early version of this bench fell into that and reported raw DL4J 2x too fast).
 */
public final class Bench {

    private static final int INFERENCE_BATCH = 1024;

    private final BenchOptions options;
    private final PrintStream out;

    public Bench(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Same as {@code fluentdl bench ARGS}, for use before the CLI registers {@link BenchCommand}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new BenchCommand()).execute(args));
    }

    /** Runs everything, prints a table, writes the JSON if asked, and returns it. */
    public ObjectNode run() throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        long started = System.nanoTime();
        Dataset train = BenchData.mnist(options);
        root.put("bench", "mnist-mlp 784-512-512-10");
        root.put("quick", options.quick());
        root.put("data", options.synthetic() ? "synthetic" : "mnist");
        root.set("environment", mapper.valueToTree(BenchEnvironment.describe()));
        if (options.blasThreads() > 0) {
            NativeThreads.setBlas(options.blasThreads());
        } else {
            NativeThreads.defaultBlasOnce();
        }
        root.put("engine", options.engine().name());
        double peak = Double.isNaN(options.peakGflops()) ? PeakProbe.sgemmGflops(2048, 3) : options.peakGflops();
        ObjectNode peakNode = root.putObject("peak");
        peakNode.put("gflops", peak);
        peakNode.put("source", Double.isNaN(options.peakGflops()) ? "probe: best of 3 SGEMM 2048x2048x2048 via Nd4j.gemm" : "--peak-gflops");
        long forward = Flops.forwardPerExample(MlpWorkload.SIZES);
        long training = Flops.trainingPerExample(MlpWorkload.SIZES);
        root.putObject("flopsPerExample").put("forward", forward).put("training", training);
        root.putObject("settings").put("examples", options.examples()).put("warmups", options.warmups())
                .put("repeats", options.repeats()).put("inferenceBatch", INFERENCE_BATCH);
        out.printf("fluentdl bench: engine %s, %s, %s, native %s, %s OpenMP / %d BLAS threads, OpenBLAS core %s, load %.1f; peak %.0f GFLOP/s (%s)%n",
                options.engine(), BenchEnvironment.cpuModel(), root.get("data").asText(), BenchEnvironment.nativeBuild(),
                root.get("environment").get("ompThreads").asText(), NativeThreads.currentBlas(), BenchEnvironment.openblasCore(),
                BenchEnvironment.loadAverage(), peak, peakNode.get("source").asText());

        List<Timed> configs = new ArrayList<>();
        for (int batch : options.batchSizes()) {
            for (boolean bn : new boolean[] {false, true}) {
                for (MlpWorkload.Optim opt : MlpWorkload.Optim.values()) {
                    configs.add(new Timed(new MlpWorkload(bn, opt, batch), train, options.engine()));
                }
            }
        }
        for (int w = 0; w < options.warmups(); w++) {
            for (Timed t : configs) {
                t.repeat(w, true);
            }
        }
        for (int r = 0; r < options.repeats(); r++) {
            for (Timed t : configs) {
                t.repeat(r, false);
            }
            out.printf("  repeat %d/%d done (%.0f s)%n", r + 1, options.repeats(), seconds(started));
        }
        ArrayNode rows = root.putArray("workloads");
        out.printf("%-14s %22s %22s %22s %7s %7s %18s %18s %7s %6s %9s%n", "workload", "DSL train ex/s", "DSL stock ex/s",
                "raw train ex/s", "DSL/raw", "fast/st", "DSL infer ex/s", "DSL epoch+eval", "GFLOP/s", "%peak", "ex/CPU-s");
        for (Timed t : configs) {
            rows.add(t.toJson(mapper, training, forward, peak));
            Spread dsl = Spread.of(t.dslTrain());
            out.printf("%-14s %22s %22s %22s %7.3f %7s %18s %18s %7.1f %5.1f%% %9.0f%n", t.workload.label(), dsl.format(),
                    t.timesStock() ? Spread.of(t.stockTrain()).format() : "-", Spread.of(t.rawTrain()).format(),
                    Spread.of(t.dslOverRaw()).median(),
                    t.timesStock() ? String.format("%.2f", Spread.of(t.fastOverStock()).median()) : "-",
                    Spread.of(t.dslInfer()).format(), Spread.of(t.dslEpoch()).format(), Flops.gflops(dsl.median(), training),
                    100 * Flops.gflops(dsl.median(), training) / peak, Spread.of(t.dslTrainPerCpuSecond()).median());
        }
        // for the peer, ours timed as the peer is: each workload alone (SoloTiming), before search timings change the threads
        java.util.Map<String, SoloTiming> solo = options.peer() == null ? null : SoloTiming.run(configs.stream().map(t -> t.workload)
                .toList(), train, options.engine(), options.warmups(), Math.max(1, options.repeats()), out);
        root.set("tracker", TrackerTiming.run(train, options.warmups(), Math.max(1, options.repeats()), mapper, out));
        if (options.searchTrials() > 0) {
            root.set("search", SearchTiming.run(train, options.searchTrials(), mapper, out));
            root.set("study", StudyTiming.run(train, options.searchTrials(), mapper, out));
        }
        if (options.peer() != null) {
            rows.forEach(row -> solo.get(row.get("label").asText()).putInto((ObjectNode) row, mapper));
            java.util.Map<String, Double> ours = SoloTiming.medians(solo, SoloTiming::train);
            java.util.Map<String, Double> oursCpu = SoloTiming.medians(solo, SoloTiming::trainCpu);
            root.set("peer", TorchPeer.run(options, ours, oursCpu, peak, mapper, out));
        }
        root.put("seconds", (System.nanoTime() - started) / 1e9);
        if (options.json() != null) {
            Path parent = options.json().toAbsolutePath().getParent();
            Files.createDirectories(parent);
            mapper.writeValue(options.json().toFile(), root);
            out.printf("JSON written to %s%n", options.json());
        }
        return root;
    }

    /**
     * One workload's DSL model (run by the bench's engine), with {@link Engine#FAST} the same DSL model run
     * by {@link Engine#STOCK}, the raw network, and their measurements.
     */
    private final class Timed {
        final MlpWorkload workload;
        final Dataset train;
        final Model dsl;
        final Model dslStock;
        final MultiLayerNetwork raw;
        final ExistingDataSetIterator rawBatches;
        final List<INDArray> inferenceBatches = new ArrayList<>();
        // dslTrain, dslEpoch, rawTrain, dslInfer, rawInfer, stockTrain, dslTrainPerCpuSecond
        final List<double[]> samples = new ArrayList<>();

        Timed(MlpWorkload workload, Dataset train, Engine engine) {
            this.workload = workload;
            this.train = train;
            this.dsl = Model.of(workload.dslSpec()).engine(engine);
            this.dslStock = engine == Engine.STOCK ? null : Model.of(workload.dslSpec()).engine(Engine.STOCK);
            this.raw = new MultiLayerNetwork(workload.rawConfiguration());
            raw.init();
            DataSet all = new DataSet(Model.features(train), Model.labels(train));
            all.shuffle(MlpWorkload.SEED);
            this.rawBatches = new ExistingDataSetIterator(all.batchBy(workload.batchSize()));
            for (int from = 0; from < train.size(); from += INFERENCE_BATCH) {
                inferenceBatches.add(Model.features(train.slice(from, Math.min(train.size(), from + INFERENCE_BATCH))));
            }
        }

        boolean timesStock() {
            return dslStock != null;
        }

        /** One epoch of each side; {@code round} rotates who goes first, so no side always runs on a warmer cache. */
        void repeat(int round, boolean warmup) {
            double[] s = new double[7];
            s[5] = Double.NaN;
            int n = train.size();
            int sides = timesStock() ? 3 : 2;
            for (int k = 0; k < sides; k++) {
                int side = (k + round) % sides;
                if (side == 0) {
                    long t0 = System.nanoTime();
                    long c0 = CpuClock.processNanos();
                    History h = dsl.fit(train, 1, workload.batchSize());
                    long c1 = CpuClock.processNanos();
                    s[1] = n / seconds(t0);
                    s[0] = n / h.last().seconds();
                    // the same check and evaluation fit did after the epoch, to take out of fit's CPU time
                    long c2 = CpuClock.processNanos();
                    dsl.evaluate(train);
                    long c3 = CpuClock.processNanos();
                    s[6] = n / (((c1 - c0) - (c3 - c2)) / 1e9);
                    s[3] = infer(true);
                } else if (side == 1) {
                    rawBatches.reset();
                    long t0 = System.nanoTime();
                    raw.fit(rawBatches);
                    s[2] = n / seconds(t0);
                    s[4] = infer(false);
                } else {
                    s[5] = n / dslStock.fit(train, 1, workload.batchSize()).last().seconds();
                }
            }
            if (!warmup) {
                samples.add(s);
            }
        }

        private double infer(boolean viaDsl) {
            long t0 = System.nanoTime();
            long n = 0;
            for (INDArray x : inferenceBatches) {
                INDArray y = viaDsl ? dsl.predict(x) : raw.output(x, false);
                n += y.rows();
            }
            return n / seconds(t0);
        }

        double[] column(int i) {
            return samples.stream().mapToDouble(s -> s[i]).toArray();
        }

        double[] dslTrain() {
            return column(0);
        }

        double[] dslEpoch() {
            return column(1);
        }

        double[] rawTrain() {
            return column(2);
        }

        double[] dslInfer() {
            return column(3);
        }

        double[] stockTrain() {
            return column(5);
        }

        /** Training examples per second of this process' CPU time (all threads): what a busy machine disturbs least. */
        double[] dslTrainPerCpuSecond() {
            return column(6);
        }

        /** DSL over raw DL4J, like with like: the DSL on DL4J's own layers (STOCK) against the raw network. */
        double[] dslOverRaw() {
            return samples.stream().mapToDouble(s -> (timesStock() ? s[5] : s[0]) / s[2]).toArray();
        }

        /** The engine's gain: the DSL on FluentDL's layers over the DSL on DL4J's, per repeat. */
        double[] fastOverStock() {
            return samples.stream().mapToDouble(s -> s[0] / s[5]).toArray();
        }

        ObjectNode toJson(ObjectMapper mapper, long trainingFlops, long forwardFlops, double peak) {
            ObjectNode row = mapper.createObjectNode();
            row.put("label", workload.label());
            row.put("batchNorm", workload.batchNorm());
            row.put("optimizer", workload.optimizer().name());
            row.put("batchSize", workload.batchSize());
            ObjectNode d = row.putObject("dsl");
            d.set("trainExamplesPerSec", mapper.valueToTree(Spread.of(column(0))));
            d.set("epochExamplesPerSecIncludingEvaluation", mapper.valueToTree(Spread.of(column(1))));
            d.set("trainExamplesPerCpuSec", mapper.valueToTree(Spread.of(dslTrainPerCpuSecond())));
            d.set("inferenceExamplesPerSec", mapper.valueToTree(Spread.of(column(3))));
            putFlops(d, Spread.of(column(0)).median(), Spread.of(column(3)).median(), trainingFlops, forwardFlops, peak);
            ObjectNode r = row.putObject("raw");
            r.set("trainExamplesPerSec", mapper.valueToTree(Spread.of(column(2))));
            r.set("inferenceExamplesPerSec", mapper.valueToTree(Spread.of(column(4))));
            putFlops(r, Spread.of(column(2)).median(), Spread.of(column(4)).median(), trainingFlops, forwardFlops, peak);
            row.put("engine", dsl.engine().name());
            if (timesStock()) {
                ObjectNode st = row.putObject("dslStock");
                st.set("trainExamplesPerSec", mapper.valueToTree(Spread.of(stockTrain())));
                row.set("fastOverStock", mapper.valueToTree(Spread.of(fastOverStock())));
            }
            row.set("dslOverRaw", mapper.valueToTree(Spread.of(dslOverRaw())));
            return row;
        }

        private void putFlops(ObjectNode node, double train, double infer, long trainingFlops, long forwardFlops, double peak) {
            node.put("trainGflops", Flops.gflops(train, trainingFlops));
            node.put("trainFractionOfPeak", Flops.gflops(train, trainingFlops) / peak);
            node.put("inferenceGflops", Flops.gflops(infer, forwardFlops));
            node.put("inferenceFractionOfPeak", Flops.gflops(infer, forwardFlops) / peak);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
