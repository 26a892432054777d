package io.fluentdl.experiments.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code --peer torch}: runs {@code bench/torch_mlp.py} (the same MLP in PyTorch, same workloads,
 * examples, warm-ups and repeats) after our own timings, and reports our/peer ratios. Needs a
 * {@code python3} that imports torch ({@code python3} on the PATH, else Debian's
 * {@code /usr/bin/python3} with {@code python3-torch}); otherwise the peer is skipped, saying why.
 *
 * <p>The peer runs with its best threading measured here: one torch (OpenMP) thread and
 * {@code OPENBLAS_NUM_THREADS} = cores (two pools on two cores fight; one torch thread leaves the
 * GEMMs to OpenBLAS), or the bench's {@code --blas-threads} when given, so that both sides run the same BLAS
 * threads; and this process' {@code OPENBLAS_CORETYPE} (the launcher's choice), but OpenBLAS's default thread
 * time-out (the launcher's {@code OPENBLAS_THREAD_TIMEOUT} serves our engine's threads, not the peer's).
 *
 * <p>Our side of the ratios is {@link SoloTiming}: each workload trained alone, as the peer is timed.
 *
 * <p>The peer probes its own GEMM speed (the same 2048³ SGEMM as {@link PeakProbe}) and reports it as
 * {@code gemmGflops}. Below {@value #REFERENCE_BLAS_FRACTION} of ours (a tenth: a busy machine moves the two probes apart by 2-4x, a reference BLAS is ~20x slower) it runs on a reference BLAS (Debian's
 * {@code python3-torch} alone brings {@code libblas3}, ~20x slower): then no ratio is printed, since it
 * would measure the peer's BLAS package, not the frameworks.
 *
 * <p>Both sides are timed in wall time ({@code oursOverPeer}, the measure) and in CPU time
 * ({@code oursOverPeerCpu}: examples per second of each process' CPU time, all threads). The peer runs
 * minutes after us; on a shared machine whose load changes in between, the wall-time ratio measures the
 * load as much as the frameworks, the CPU-time ratio much less.
 */
final class TorchPeer {

    static final String SKIPPED = "peer skipped: python3-torch not installed";
    /** A peer GEMM below this fraction of ours means a reference BLAS. */
    static final double REFERENCE_BLAS_FRACTION = 0.1;

    private TorchPeer() {
    }

    /** A python3 that imports torch, or null. */
    static String python() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import torch").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not on this machine: try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /**
     * @param ours      label → our (DSL) training examples/s median
     * @param oursCpu   label → our (DSL) training examples per CPU-second median
     * @param oursGflops our SGEMM probe, GFLOP/s
     */
    static ObjectNode run(BenchOptions options, Map<String, Double> ours, Map<String, Double> oursCpu, double oursGflops,
                          ObjectMapper mapper, PrintStream out) throws IOException {
        ObjectNode node = mapper.createObjectNode();
        String python = python();
        if (python == null) {
            out.println(SKIPPED);
            return node.put("skipped", SKIPPED);
        }
        Path script = Files.createTempFile("fluentdl-torch-mlp", ".py");
        try (InputStream in = TorchPeer.class.getResourceAsStream("/bench/torch_mlp.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--workloads", String.join(",", ours.keySet()),
                    "--examples", String.valueOf(options.examples()), "--repeats", String.valueOf(Math.max(1, options.repeats())),
                    "--warmups", String.valueOf(options.warmups()), "--threads", "1"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().remove("OPENBLAS_THREAD_TIMEOUT"); // the launcher's setting for our engine: the peer runs OpenBLAS's default
            pb.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(peerBlasThreads(options)));
            Process p = pb.start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                out.println("peer failed: torch_mlp.py exited with " + (p.isAlive() ? "a time-out" : p.exitValue()));
                return node.put("skipped", "peer failed");
            }
            JsonNode result = mapper.readTree(stdout);
            node.put("python", python);
            node.put("torch", result.path("torch").asText());
            node.put("data", result.path("data").asText());
            node.put("threads", "torch 1, OPENBLAS_NUM_THREADS " + pb.environment().get("OPENBLAS_NUM_THREADS")
                    + ", OPENBLAS_CORETYPE " + pb.environment().get("OPENBLAS_CORETYPE"));
            double peerGflops = result.path("gemmGflops").asDouble(Double.NaN);
            node.put("gemmGflops", peerGflops);
            node.put("oursGemmGflops", oursGflops);
            boolean referenceBlas = isReferenceBlas(peerGflops, oursGflops);
            node.put("referenceBlas", referenceBlas);
            out.printf("peer torch %s: GEMM probe %.0f GFLOP/s (ours %.0f)%n", result.path("torch").asText(), peerGflops, oursGflops);
            if (referenceBlas) {
                out.printf("peer's BLAS is a reference BLAS (%.0f GFLOP/s against our %.0f): no ratio printed. "
                        + "Install libopenblas0-pthread for a real peer.%n", peerGflops, oursGflops);
            }
            List<Double> ratios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            for (JsonNode w : result.path("workloads")) {
                String label = w.path("label").asText();
                Spread train = Spread.of(doubles(w.path("trainExamplesPerSec")));
                Spread trainCpu = Spread.of(doubles(w.path("trainExamplesPerCpuSec")));
                Spread infer = Spread.of(doubles(w.path("inferenceExamplesPerSec")));
                ObjectNode row = node.putObject(label);
                row.set("trainExamplesPerSec", mapper.valueToTree(train));
                row.set("trainExamplesPerCpuSec", mapper.valueToTree(trainCpu));
                row.set("inferenceExamplesPerSec", mapper.valueToTree(infer));
                if (referenceBlas) {
                    out.printf("peer torch %-14s train %22s ex/s%n", label, train.format());
                } else {
                    double ratio = ours.get(label) / train.median();
                    double cpuRatio = oursCpu.get(label) / trainCpu.median();
                    ratios.add(ratio);
                    cpuRatios.add(cpuRatio);
                    row.put("oursOverPeer", ratio);
                    row.put("oursOverPeerCpu", cpuRatio);
                    out.printf("peer torch %-14s train %22s ex/s   ours/peer %.2f   per CPU-second %.2f%n", label, train.format(),
                            ratio, cpuRatio);
                }
            }
            if (!ratios.isEmpty()) {
                node.put("oursOverPeerGeomean", geometricMean(ratios));
                node.put("oursOverPeerMin", min(ratios));
                node.put("oursOverPeerCpuGeomean", geometricMean(cpuRatios));
                node.put("oursOverPeerCpuMin", min(cpuRatios));
                out.printf("ours/peer over %d workloads: geometric mean %.2f, lowest %.2f (wall time); "
                                + "per CPU-second: geometric mean %.2f, lowest %.2f%n", ratios.size(), geometricMean(ratios), min(ratios),
                        geometricMean(cpuRatios), min(cpuRatios));
            }
            return node;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return node.put("skipped", "interrupted");
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The peer's BLAS threads: ours when {@code --blas-threads} set them (like with like), else every core. */
    static int peerBlasThreads(BenchOptions options) {
        return options.blasThreads() > 0 ? options.blasThreads() : Runtime.getRuntime().availableProcessors();
    }

    /** Whether a peer GEMM of {@code peerGflops} against our {@code oursGflops} is a reference BLAS. */
    static boolean isReferenceBlas(double peerGflops, double oursGflops) {
        return !(peerGflops >= REFERENCE_BLAS_FRACTION * oursGflops);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double geometricMean(List<Double> values) {
        return Math.exp(values.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }
}
