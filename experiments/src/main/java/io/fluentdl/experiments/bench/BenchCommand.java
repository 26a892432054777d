package io.fluentdl.experiments.bench;

import io.fluentdl.experiments.cli.SharedOptions;
import io.fluentdl.experiments.runtime.BackendCheck;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fluentdl bench [--quick] [--json FILE] [--peer torch] [--engine fast|stock] [--blas-threads N] [--gemm-probe]
 * [--peak-gflops G] [--backend cpu|cuda [--fallback-cpu]]}.
 * Exit code 0 on success, 1 when the bench fails or CUDA was asked for and cannot be used.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Throughput benchmark: the MNIST MLP 784-512-512-10 through the DSL vs raw DL4J "
                + "(BN on/off, SGD/Adam, batch 128/1024), inference, GFLOP/s vs peak, search trials/hour; with "
                + "--engine fast (the default) the DSL is also timed on stock, for the fast/stock ratio.",
                "--quick runs in under two minutes on 2 cores."})
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    SharedOptions.Quick quick = new SharedOptions.Quick();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every number and the environment as JSON.")
    Path json;

    @Option(names = "--peer", paramLabel = "torch", description = "Time the same MLP in PyTorch too (needs python3 with torch).")
    String peer;

    @Option(names = "--peak-gflops", paramLabel = "G", description = "The machine's peak GFLOP/s, instead of measuring it with an SGEMM probe.")
    Double peakGflops;

    @Mixin
    SharedOptions.Backend backend = new SharedOptions.Backend();

    @Option(names = "--profile", paramLabel = "WORKLOAD", description = "Instead of the bench: profile one workload "
            + "(e.g. adam-b128, sgd-bn-b1024) through Model.fit with Java Flight Recorder and print where the time goes.")
    String profile;

    @Option(names = "--gemm-probe", description = "Instead of the bench: time the GEMMs of one training step of the MLP "
            + "(batch 128 and 1024) in CPU ms per call, Nd4j.gemm against torch.mm, 1 and 2 BLAS threads.")
    boolean gemmProbe;

    @Option(names = "--jfr", paramLabel = "FILE", description = "With --profile: keep the JFR recording (open it in JDK Mission Control).")
    Path jfr;

    /** With fast (the default) the DSL is also timed on stock, for the fast/stock ratio. */
    @Mixin
    SharedOptions.EngineChoice engine = new SharedOptions.EngineChoice();

    @Option(names = "--blas-threads", paramLabel = "N", description = "BLAS (GEMM) threads for the timed training, "
            + "instead of FluentDL's default (all cores for one training).")
    Integer blasThreads;

    @Override
    public Integer call() throws Exception {
        if (peer != null && !peer.equals("torch")) {
            System.err.printf("fluentdl bench: --peer must be torch, got %s%n", peer);
            return 2;
        }
        io.fluentdl.Engine chosen = engine.chosen().orElse(io.fluentdl.Engine.DEFAULT);
        if (blasThreads != null && blasThreads < 1) {
            System.err.printf("fluentdl bench: --blas-threads must be >= 1, got %d%n", blasThreads);
            return 2;
        }
        BackendCheck.Decision decision = backend.decide();
        if (!decision.ok()) {
            System.err.println("fluentdl bench: " + decision.message());
            return 1;
        }
        System.out.println(decision.message());
        BenchOptions options = quick.on() ? BenchOptions.quickPreset() : BenchOptions.fullPreset();
        if (gemmProbe) {
            GemmProbe.run(options.batchSizes(), quick.on() ? 3 : 5, System.out);
            return 0;
        }
        if (profile != null) {
            java.util.Optional<MlpWorkload> workload = MlpWorkload.parse(profile);
            if (workload.isEmpty()) {
                System.err.printf("fluentdl bench: --profile must name a workload such as adam-b128 or sgd-bn-b1024 "
                        + "(sgd|adam, -bn or not, -b<batch size>), got '%s'%n", profile);
                return 2;
            }
            StepProfile.run(workload.get(), BenchData.mnist(options), quick.on() ? 2 : 5, jfr, System.out);
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
