package io.fluentdl.experiments.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What DL4J 1.0.0-M2.1's CUDA build ({@code nd4j-cuda-11.6}) can run on, judged from what the
 * machine shows, before ND4J starts.
 *
 * <p>Rules: there must be an NVIDIA driver (nvidia-smi, or {@code /proc/driver/nvidia/version}); the
 * driver must run CUDA 11 ({@value #MIN_DRIVER}+, CUDA 11's minor-version compatibility floor); the
 * GPU's compute capability must be 3.7 to 8.x, because the build ships kernels for sm_37..sm_86 and
 * no PTX, and a cubin runs only on its own major architecture (so Ada, 8.9, runs the sm_86 kernels;
 * Hopper, 9.0, and later do not); and the {@code cuda} profile must have been built (the ND4J CUDA
 * backend on the class path).
 */
final class CudaSupport {

    /** Oldest Linux driver that runs CUDA 11.x applications: {@value}. */
    static final String MIN_DRIVER = "450.80.02";

    /** A GPU as nvidia-smi lists it; {@code computeCapability} is NaN when the driver does not say. */
    record Gpu(String name, String driver, double computeCapability) {
    }

    private CudaSupport() {
    }

    /** Why CUDA cannot run with these facts, or null when it can. */
    static String problem(BackendCheck.Facts facts) {
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
            return String.format("found %s (driver %s) but this build has the CPU backend only; rebuild with "
                    + "FLUENTDL_MAVEN_ARGS=-Pcuda ./fluentdl ... (mvn -Pcuda)", gpu.name(), gpu.driver());
        }
        return null;
    }

    /** The GPU CUDA will run on, in words (call only when {@link #problem} is null). */
    static String describe(BackendCheck.Facts facts) {
        Gpu gpu = gpus(facts.nvidiaSmiOutput()).get(0);
        return String.format("%s, compute capability %s, driver %s", gpu.name(), capability(gpu), gpu.driver());
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
