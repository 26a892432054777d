package io.fluentdl.experiments.bench;

import io.fluentdl.experiments.Backend;
import io.fluentdl.experiments.cli.BackendConverter;
import io.fluentdl.experiments.runtime.BackendCheck;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fluentdl bench [--quick] [--json FILE] [--peer torch] [--engine fast|stock] [--blas-threads N] [--gemm-probe]
 * [--peak-gflops G] [--backend cpu|cuda [--fallback-cpu]]}.
 * Exit code 0 on success, 1 when the bench fails or CUDA was asked for and cannot be used.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Throughput benchmark: the MNIST MLP 784-512-512-10 through the DSL vs raw DL4J "
                + "(BN on/off, SGD/Adam, batch 128/1024), inference, GFLOP/s vs peak, search trials/hour.",
                "--quick runs in under two minutes on 2 cores."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Fewer examples and repeats (CI-sized).")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every number and the environment as JSON.")
    Path json;

    @Option(names = "--peer", paramLabel = "torch", description = "Time the same MLP in PyTorch too (needs python3 with torch).")
    String peer;

    @Option(names = "--peak-gflops", paramLabel = "G", description = "The machine's peak GFLOP/s, instead of measuring it with an SGEMM probe.")
    Double peakGflops;

    @Option(names = "--backend", paramLabel = "cpu|cuda", defaultValue = "cpu", converter = BackendConverter.class,
            completionCandidates = BackendConverter.Candidates.class, description = "Backend to use (default: ${DEFAULT-VALUE}).")
    Backend backend;

    @Option(names = "--profile", paramLabel = "WORKLOAD", description = "Instead of the bench: profile one workload "
            + "(e.g. adam-b128, sgd-bn-b1024) through Model.fit with Java Flight Recorder and print where the time goes.")
    String profile;

    @Option(names = "--gemm-probe", description = "Instead of the bench: time the GEMMs of one training step of the MLP "
            + "(batch 128 and 1024) in CPU ms per call, Nd4j.gemm against torch.mm, 1 and 2 BLAS threads.")
    boolean gemmProbe;

    @Option(names = "--jfr", paramLabel = "FILE", description = "With --profile: keep the JFR recording (open it in JDK Mission Control).")
    Path jfr;

    @Option(names = "--engine", paramLabel = "fast|stock", defaultValue = "fast", description = "Layers the DSL's models run: "
            + "fast (FluentDL's, the default; the DSL is then also timed on stock for fast/stock) or stock (DL4J's own).")
    String engine;

    @Option(names = "--blas-threads", paramLabel = "N", description = "BLAS (GEMM) threads for the timed training, "
            + "instead of FluentDL's default (all cores for one training).")
    Integer blasThreads;

    @Option(names = "--fallback-cpu", description = "With --backend cuda: run on the CPU when CUDA cannot be used, instead of failing.")
    boolean fallbackCpu;

    @Override
    public Integer call() throws Exception {
        if (peer != null && !peer.equals("torch")) {
            System.err.printf("fluentdl bench: --peer must be torch, got %s%n", peer);
            return 2;
        }
        io.fluentdl.Engine chosen;
        try {
            chosen = io.fluentdl.Engine.parse(engine);
        } catch (IllegalArgumentException e) {
            System.err.printf("fluentdl bench: --engine must be fast or stock, got %s%n", engine);
            return 2;
        }
        if (blasThreads != null && blasThreads < 1) {
            System.err.printf("fluentdl bench: --blas-threads must be >= 1, got %d%n", blasThreads);
            return 2;
        }
        BackendCheck.Decision decision = BackendCheck.decide(backend, fallbackCpu, BackendCheck.probe(backend));
        if (!decision.ok()) {
            System.err.println("fluentdl bench: " + decision.message());
            return 1;
        }
        System.out.println(decision.message());
        BenchOptions options = quick ? BenchOptions.quickPreset() : BenchOptions.fullPreset();
        if (gemmProbe) {
            GemmProbe.run(options.batchSizes(), quick ? 3 : 5, System.out);
            return 0;
        }
        if (profile != null) {
            java.util.Optional<MlpWorkload> workload = MlpWorkload.parse(profile);
            if (workload.isEmpty()) {
                System.err.printf("fluentdl bench: --profile must name a workload such as adam-b128 or sgd-bn-b1024 "
                        + "(sgd|adam, -bn or not, -b<batch size>), got '%s'%n", profile);
                return 2;
            }
            StepProfile.run(workload.get(), BenchData.mnist(options), quick ? 2 : 5, jfr, System.out);
            return 0;
        }
        options = options.withJson(json).withPeer(peer).withEngine(chosen).withBlasThreads(blasThreads == null ? 0 : blasThreads);
        if (peakGflops != null) {
            options = options.withPeakGflops(peakGflops);
        }
        new Bench(options, System.out).run();
        return 0;
    }
}
