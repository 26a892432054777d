package io.fluentdl.experiments.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, before ND4J starts, whether the CUDA backend the user asked for can run here, and says so
 * in one line: which GPU and driver were found, or why CUDA cannot be used. Falls back to the CPU
 * only when asked ({@code --fallback-cpu}); otherwise an unusable CUDA request is an error.
 *
 * <p>Rules (DL4J 1.0.0-M2.1, {@code nd4j-cuda-11.6}): there must be an NVIDIA driver (nvidia-smi, or
 * {@code /proc/driver/nvidia/version}); the driver must run CUDA 11 ({@value #MIN_DRIVER}+, CUDA 11's
 * minor-version compatibility floor); the GPU's compute capability must be 3.7 to 8.x, because the
 * build ships kernels for sm_37..sm_86 and no PTX, and a cubin runs only on its own major
 * architecture (so Ada, 8.9, runs the sm_86 kernels; Hopper, 9.0, and later do not); and the
 * {@code cuda} profile must have been built (the ND4J CUDA backend on the class path).
 */
public final class BackendCheck {

    /** Oldest Linux driver that runs CUDA 11.x applications: {@value}. */
    public static final String MIN_DRIVER = "450.80.02";
    /** The query the check runs. */
    public static final List<String> NVIDIA_SMI = List.of("nvidia-smi",
            "--query-gpu=name,driver_version,compute_cap", "--format=csv,noheader");
    private static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    /**
     * The outcome.
     *
     * @param backend what runs: {@code cpu} or {@code cuda}
     * @param ok      false when the request cannot be honoured (and no fallback was asked for)
     * @param message one line for the log
     */
    public record Decision(String backend, boolean ok, String message) {
    }

    /** A GPU as nvidia-smi lists it; {@code computeCapability} is NaN when the driver does not say. */
    public record Gpu(String name, String driver, double computeCapability) {
    }

    /** What the machine shows; {@link #probe()} reads the real one, tests pass fakes. */
    public record Facts(String nvidiaSmiOutput, String procDriverVersion, boolean cudaBackendOnClassPath) {
    }

    private BackendCheck() {
    }

    /** Reads the facts of this machine (runs nvidia-smi for at most 10 s). */
    public static Facts probe() {
        String smi = null;
        try {
            Process p = new ProcessBuilder(NVIDIA_SMI).redirectErrorStream(true).start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                smi = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } else {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            smi = null; // no nvidia-smi on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String proc = null;
        try {
            Path version = Path.of("/proc/driver/nvidia/version");
            proc = Files.isReadable(version) ? Files.readString(version) : null;
        } catch (IOException e) {
            proc = null;
        }
        boolean cuda;
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, BackendCheck.class.getClassLoader());
            cuda = true;
        } catch (ClassNotFoundException | LinkageError e) {
            cuda = false;
        }
        return new Facts(smi, proc, cuda);
    }

    /**
     * @param requested   {@code cpu} or {@code cuda}
     * @param fallbackCpu run on the CPU when CUDA cannot be used
     */
    public static Decision decide(String requested, boolean fallbackCpu, Facts facts) {
        String want = requested == null ? "cpu" : requested.toLowerCase(Locale.ROOT);
        if (want.equals("cpu")) {
            return new Decision("cpu", true, "backend: CPU (nd4j-native)");
        }
        if (!want.equals("cuda")) {
            return new Decision("cpu", false, String.format("unknown backend '%s': use cpu or cuda", requested));
        }
        String problem = cudaProblem(facts);
        if (problem == null) {
            Gpu gpu = gpus(facts.nvidiaSmiOutput()).get(0);
            return new Decision("cuda", true, String.format("backend: CUDA (nd4j-cuda-11.6) on %s, compute capability %s, driver %s",
                    gpu.name(), capability(gpu), gpu.driver()));
        }
        if (fallbackCpu) {
            return new Decision("cpu", true, String.format("CUDA cannot be used: %s; falling back to CPU (--fallback-cpu)", problem));
        }
        return new Decision("cuda", false, String.format("CUDA cannot be used: %s. Add --fallback-cpu to run on the CPU instead.", problem));
    }

    /** Why CUDA cannot run with these facts, or null when it can. */
    static String cudaProblem(Facts facts) {
        List<Gpu> gpus = gpus(facts.nvidiaSmiOutput());
        if (gpus.isEmpty()) {
            String driver = driverFromProc(facts.procDriverVersion());
            return driver == null
                    ? "no NVIDIA driver found (no nvidia-smi on the PATH, no /proc/driver/nvidia/version)"
                    : String.format("NVIDIA driver %s is loaded but nvidia-smi lists no GPU", driver);
        }
        Gpu gpu = gpus.get(0);
        if (compareVersions(gpu.driver(), MIN_DRIVER) < 0) {
            return String.format("%s has driver %s, older than %s, the oldest that runs CUDA 11 (DL4J 1.0.0-M2.1 needs CUDA 11.6)",
                    gpu.name(), gpu.driver(), MIN_DRIVER);
        }
        double cc = gpu.computeCapability();
        if (!Double.isNaN(cc) && (cc < 3.7 - 1e-9 || cc >= 9.0 - 1e-9)) {
            return String.format("%s has compute capability %s (sm_%s); DL4J 1.0.0-M2.1's CUDA build has kernels for sm_37..sm_86 "
                    + "and no PTX, so %s GPUs cannot run it", gpu.name(), capability(gpu), capability(gpu).replace(".", ""),
                    cc >= 9.0 ? "Hopper (sm_90) and newer" : "pre-Kepler-K80");
        }
        if (!facts.cudaBackendOnClassPath()) {
            return String.format("found %s (driver %s) but this build has no CUDA backend; rebuild with mvn -Pcuda", gpu.name(), gpu.driver());
        }
        return null;
    }

    /** Parses {@code name, driver, compute_cap} lines; older drivers print "[N/A]" or omit the capability. */
    static List<Gpu> gpus(String nvidiaSmiOutput) {
        List<Gpu> gpus = new ArrayList<>();
        if (nvidiaSmiOutput == null) {
            return gpus;
        }
        for (String line : nvidiaSmiOutput.split("\\R")) {
            String[] f = line.split(",");
            if (f.length < 2 || f[0].isBlank() || !f[1].trim().matches("\\d+(\\.\\d+)*")) {
                continue;
            }
            double cc = Double.NaN;
            if (f.length >= 3 && f[2].trim().matches("\\d+\\.\\d+")) {
                cc = Double.parseDouble(f[2].trim());
            } else {
                cc = capabilityFromName(f[0]);
            }
            gpus.add(new Gpu(f[0].trim(), f[1].trim(), cc));
        }
        return gpus;
    }

    /** For drivers whose nvidia-smi cannot report compute_cap: the architectures DL4J cannot run. */
    static double capabilityFromName(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.matches(".*\\b(GH|H)(100|200|800|20)\\b.*")) {
            return 9.0;
        }
        if (n.matches(".*\\b(B|GB)(100|200)\\b.*")) {
            return 10.0;
        }
        return Double.NaN;
    }

    /** The version in {@code /proc/driver/nvidia/version} ("... Kernel Module  550.54.15  ..."). */
    static String driverFromProc(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = Pattern.compile("Kernel Module(?: for [^ ]+)?\\s+(\\d+(?:\\.\\d+)+)").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long u = i < x.length ? Long.parseLong(x[i]) : 0;
            long v = i < y.length ? Long.parseLong(y[i]) : 0;
            if (u != v) {
                return Long.compare(u, v);
            }
        }
        return 0;
    }

    private static String capability(Gpu gpu) {
        return Double.isNaN(gpu.computeCapability()) ? "unknown" : String.format(Locale.ROOT, "%.1f", gpu.computeCapability());
    }
}
