package io.fluentdl.experiments.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fluentdl.internal.dl4j.fast.DirectGemm;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code fluentdl bench --gemm-probe}: the GEMMs of one training step (and, by {@link AdamProbe}, its Adam step) of the bench MLP 784-512-512-10, one
 * by one, in CPU milliseconds per call, ours ({@code Nd4j.gemm} with the layouts FluentDL's engine uses)
 * against PyTorch's {@code torch.mm} with the layouts {@code nn.Linear} uses, with 1 and 2 BLAS threads.
 * So that a gap in the bench's step times can be told apart from a gap in the BLAS calls themselves.
 *
 * <p>Per layer of {@code in} inputs and {@code out} units at batch {@code b}: {@code fwd} = x[b,in]·W,
 * {@code dW} = xᵀ·δ, {@code dX} = δ·Wᵀ (not for the first layer, whose input gradient the engine skips).
 * Ours: x, δ and the results of fwd and dX in C order, W and dW in F order (DL4J's parameter views).
 * PyTorch: W and its gradient [out,in] row-major, the same memory layout. CPU time of the whole process,
 * all threads ({@link CpuClock}), so that a second BLAS thread's work (and spinning) counts.
 */
public final class GemmProbe {

    /** One GEMM of the step: kind (fwd, dW, dX), batch, layer inputs, layer units. */
    record Shape(String kind, int batch, int in, int out) {
        String label() {
            return String.format(Locale.ROOT, "%s %dx%d b%d", kind, in, out, batch);
        }

        double flops() {
            return Flops.gemm(batch, in, out);
        }

        String arg() {
            return kind + ":" + batch + ":" + in + ":" + out;
        }
    }

    /** CPU and wall milliseconds per call, medians over rounds. */
    record Timing(double cpuMs, double wallMs) {
    }

    private GemmProbe() {
    }

    /** The 8 GEMMs of a training step per batch size: fwd and dW for all three layers, dX for the last two. */
    static List<Shape> shapes(List<Integer> batches) {
        int[][] layers = {{784, 512}, {512, 512}, {512, 10}};
        List<Shape> shapes = new ArrayList<>();
        for (int b : batches) {
            for (int l = 0; l < layers.length; l++) {
                shapes.add(new Shape("fwd", b, layers[l][0], layers[l][1]));
                shapes.add(new Shape("dW", b, layers[l][0], layers[l][1]));
                if (l > 0) {
                    shapes.add(new Shape("dX", b, layers[l][0], layers[l][1]));
                }
            }
        }
        return shapes;
    }

    /** Calls per timing: about 2 GFLOP of work, at least 10 and at most 4,000 calls. */
    static int calls(Shape s) {
        return (int) Math.max(10, Math.min(4_000, Math.round(2e9 / s.flops())));
    }

    /** Times every shape with 1 and 2 BLAS threads, here and (when python3 imports torch) in PyTorch; prints a table. */
    public static void run(List<Integer> batches, int rounds, PrintStream out) throws IOException {
        List<Shape> shapes = shapes(batches);
        int blasThreads = Nd4j.factory().blas().getMaxThreads();
        int ompThreads = Nd4j.getEnvironment().maxThreads();
        Map<Integer, Map<String, Timing>> ours = new LinkedHashMap<>();
        Map<Integer, Map<String, Timing>> direct = new LinkedHashMap<>();
        Map<Integer, Timing> adam = new LinkedHashMap<>();
        try {
            for (int threads : new int[] {1, 2}) {
                Nd4j.factory().blas().setMaxThreads(threads);
                ours.put(threads, timeOurs(shapes, rounds, false));
                direct.put(threads, timeOurs(shapes, rounds, true));
                Nd4j.getEnvironment().setMaxThreads(threads);
                adam.put(threads, AdamProbe.libnd4j(rounds));
                Nd4j.getEnvironment().setMaxThreads(ompThreads);
            }
        } finally {
            Nd4j.factory().blas().setMaxThreads(blasThreads);
            Nd4j.getEnvironment().setMaxThreads(ompThreads);
        }
        Timing javaLoop = AdamProbe.javaArrays(rounds);
        Timing fastAdam = AdamProbe.fluentdl(rounds);
        Map<Integer, Map<String, Timing>> peer = new LinkedHashMap<>();
        String python = TorchPeer.python();
        for (int threads : new int[] {1, 2}) {
            peer.put(threads, python == null ? Map.of() : timePeer(python, shapes, rounds, threads));
        }
        out.printf(Locale.ROOT, "GEMM probe: CPU ms per call (all threads of the process), median of %d rounds; "
                + "wall ms in brackets; load average %s%n", rounds, BenchEnvironment.loadAverage());
        out.println("OpenBLAS mapped into this process: " + mappedOpenBlas());
        if (python == null) {
            out.println(TorchPeer.SKIPPED);
        }
        out.println("Nd4j.gemm: libnd4j's matmul op; direct: DirectGemm (cblas_sgemm on the arrays, what the engine uses); "
                + "torch/x: torch's CPU time over ours (above 1: ours cheaper)");
        out.println("| GEMM (kind in x out, batch) | MFLOP | Nd4j.gemm 1t | direct 1t | torch 1t | Nd4j.gemm 2t | direct 2t | torch 2t "
                + "| torch/Nd4j.gemm 1t | torch/direct 1t | torch/direct 2t |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Shape s : shapes) {
            Timing o1 = ours.get(1).get(s.label());
            Timing o2 = ours.get(2).get(s.label());
            Timing d1 = direct.get(1).get(s.label());
            Timing d2 = direct.get(2).get(s.label());
            Timing p1 = peer.get(1).get(s.label());
            Timing p2 = peer.get(2).get(s.label());
            out.printf(Locale.ROOT, "| %s | %.1f | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", s.label(), s.flops() / 1e6, cell(o1),
                    cell(d1), cell(p1), cell(o2), cell(d2), cell(p2), ratio(p1, o1), ratio(p1, d1), ratio(p2, d2));
        }
        Timing p1 = peer.get(1).get("adam");
        Timing p2 = peer.get(2).get("adam");
        for (int threads : new int[] {1, 2}) {
            out.printf(Locale.ROOT, "Adam step over %,d parameters, %d OpenMP thread(s): libnd4j adam_updater %s CPU (wall) ms%n",
                    AdamProbe.PARAMETERS, threads, cell(adam.get(threads)));
        }
        out.printf(Locale.ROOT, "  FluentDL's FastAdamUpdater (the engine's Adam step, on ND4J's arrays): %s ms%n", cell(fastAdam));
        out.printf(Locale.ROOT, "  the same arithmetic as a plain Java loop over float[], one thread: %s ms; "
                + "torch.optim.Adam.step (OPENBLAS_NUM_THREADS 1 / 2): %s / %s ms%n", cell(javaLoop), cell(p1), cell(p2));
    }

    /** The OpenBLAS files this process has mapped (Linux), to tell the bundled library from the system's. */
    static String mappedOpenBlas() {
        try (java.util.stream.Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            return String.join(", ", lines.filter(l -> l.contains("openblas")).map(l -> l.substring(l.indexOf('/')))
                    .distinct().toList());
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static String cell(Timing t) {
        return t == null ? "-" : String.format(Locale.ROOT, "%.3f (%.3f)", t.cpuMs(), t.wallMs());
    }

    /** Torch's CPU time over ours: above 1, ours is cheaper. */
    private static String ratio(Timing peer, Timing ours) {
        return peer == null || ours == null ? "-" : String.format(Locale.ROOT, "%.2f", peer.cpuMs() / ours.cpuMs());
    }

    private static Map<String, Timing> timeOurs(List<Shape> shapes, int rounds, boolean direct) {
        Map<String, double[][]> samples = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (Shape s : shapes) {
                samples.computeIfAbsent(s.label(), k -> new double[2][rounds]);
                double[] t = timeOne(s, direct);
                samples.get(s.label())[0][r] = t[0];
                samples.get(s.label())[1][r] = t[1];
            }
        }
        Map<String, Timing> medians = new LinkedHashMap<>();
        samples.forEach((k, v) -> medians.put(k, new Timing(median(v[0]), median(v[1]))));
        return medians;
    }

    /** {CPU ms, wall ms} per call of one shape, with the layouts of FastDense. */
    private static double[] timeOne(Shape s, boolean direct) {
        INDArray a;
        INDArray b;
        INDArray c;
        boolean ta = false;
        boolean tb = false;
        switch (s.kind()) {
            case "fwd" -> {
                a = Nd4j.rand(DataType.FLOAT, s.batch(), s.in());
                b = Nd4j.rand(DataType.FLOAT, 'f', s.in(), s.out());
                c = Nd4j.create(DataType.FLOAT, new long[] {s.batch(), s.out()}, 'c');
            }
            case "dW" -> {
                a = Nd4j.rand(DataType.FLOAT, s.batch(), s.in());
                b = Nd4j.rand(DataType.FLOAT, s.batch(), s.out());
                c = Nd4j.create(DataType.FLOAT, new long[] {s.in(), s.out()}, 'f');
                ta = true;
            }
            default -> {
                a = Nd4j.rand(DataType.FLOAT, s.batch(), s.out());
                b = Nd4j.rand(DataType.FLOAT, 'f', s.in(), s.out());
                c = Nd4j.create(DataType.FLOAT, new long[] {s.batch(), s.in()}, 'c');
                tb = true;
            }
        }
        int n = calls(s);
        for (int i = 0; i < 3; i++) {
            gemm(a, b, c, ta, tb, direct);
        }
        long cpu0 = CpuClock.processNanos();
        long wall0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            gemm(a, b, c, ta, tb, direct);
        }
        long wall = System.nanoTime() - wall0;
        long cpu = CpuClock.processNanos() - cpu0;
        return new double[] {cpu / 1e6 / n, wall / 1e6 / n};
    }

    private static void gemm(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb, boolean direct) {
        if (direct) {
            DirectGemm.gemm(a, b, c, ta, tb);
        } else {
            Nd4j.gemm(a, b, c, ta, tb, 1.0, 0.0);
        }
    }

    private static Map<String, Timing> timePeer(String python, List<Shape> shapes, int rounds, int threads) throws IOException {
        Path script = Files.createTempFile("fluentdl-torch-gemm", ".py");
        try (InputStream in = GemmProbe.class.getResourceAsStream("/bench/torch_gemm.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--rounds", String.valueOf(rounds), "--shapes",
                    String.join(",", shapes.stream().map(Shape::arg).toList())));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
            // as TorchPeer runs the peer: one torch thread, the GEMM threads are OpenBLAS'
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(threads));
            Process p = pb.start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("torch_gemm.py failed: " + (p.isAlive() ? "time-out" : "exit " + p.exitValue()));
            }
            JsonNode result = new ObjectMapper().readTree(stdout);
            Map<String, Timing> timings = new LinkedHashMap<>();
            for (Shape s : shapes) {
                JsonNode row = result.path(s.arg());
                timings.put(s.label(), new Timing(median(doubles(row.path("cpuMs"))), median(doubles(row.path("wallMs")))));
            }
            JsonNode row = result.path("adam");
            timings.put("adam", new Timing(median(doubles(row.path("cpuMs"))), median(doubles(row.path("wallMs")))));
            return timings;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
