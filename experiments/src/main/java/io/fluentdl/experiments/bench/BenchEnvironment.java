package io.fluentdl.experiments.bench;

import io.fluentdl.internal.host.CpuInfo;
import io.fluentdl.track.SystemInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * What the numbers were measured on: CPU, cores, which ND4J native build JavaCPP actually loaded,
 * OpenMP and OpenBLAS threads, OpenBLAS' core type, Java. Read after ND4J has started.
 *
 * <p>JavaCPP picks the native build from the system property
 * {@code org.bytedeco.javacpp.platform.extension}; when it is unset it tries the preset's extensions
 * in order ({@code -avx512}, {@code -avx2}, then none) and takes the first whose jar is on the class
 * path, so with the {@code -avx512} jar present it loads the AVX-512 build even on a CPU without
 * AVX-512 (ND4J then warns). The loaded library's path is the reliable witness; ND4J's
 * {@code binaryLevel()} says the same as a number (1 generic, 2 AVX2, 3 AVX-512).
 */
public final class BenchEnvironment {

    private BenchEnvironment() {
    }

    /** Everything as name → value, in a stable order (for the JSON and the header). */
    public static Map<String, Object> describe() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("cpu", cpuModel());
        env.put("cores", SystemInfo.current().cpuCores());
        env.put("avx512", Boolean.TRUE.equals(CpuInfo.hasAvx512()));
        env.put("nativeBuild", nativeBuild());
        env.put("nativeLibrary", String.valueOf(Loader.getLoadedLibraries().get("jnind4jcpu")));
        env.put("platformExtensionProperty", System.getProperty("org.bytedeco.javacpp.platform.extension"));
        env.put("ompThreads", Nd4j.getEnvironment().maxThreads());
        env.put("blasThreads", Nd4j.factory().blas().getMaxThreads());
        env.put("OMP_NUM_THREADS", System.getenv("OMP_NUM_THREADS"));
        env.put("OMP_WAIT_POLICY", System.getenv("OMP_WAIT_POLICY"));
        env.put("OPENBLAS_CORETYPE", System.getenv("OPENBLAS_CORETYPE"));
        env.put("openblasCore", openblasCore());
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("loadAverage", loadAverage());
        return env;
    }

    /** {@code avx512}, {@code avx2} or {@code generic}: the ND4J build that is running. */
    public static String nativeBuild() {
        try {
            int level = NativeOpsHolder.getInstance().getDeviceNativeOps().binaryLevel();
            return switch (level) {
                case 3 -> "avx512";
                case 2 -> "avx2";
                case 1 -> "generic";
                default -> "level " + level;
            };
        } catch (RuntimeException | LinkageError e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    /**
     * The OpenBLAS kernels asked for: {@code OPENBLAS_CORETYPE}, or "auto-detect" when unset (OpenBLAS
     * 0.3.19, as bundled, does not know recent CPUs such as Zen 5 and then picks slow generic kernels).
     * JavaCPP's OpenBLAS preset does not expose {@code openblas_get_corename()}, so this is the request,
     * not a report from OpenBLAS.
     */
    public static String openblasCore() {
        String core = System.getenv("OPENBLAS_CORETYPE");
        return core == null || core.isBlank() ? "auto-detect" : core;
    }

    /** The {@code model name} line of /proc/cpuinfo, or the OS arch: the machine record's, read once. */
    public static String cpuModel() {
        return SystemInfo.current().cpuModel();
    }

    /** The 1-minute load average (how busy the machine was), or NaN. */
    public static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
