package io.fluentdl.experiments.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which ND4J native code actually runs, read after ND4J has started (not what was asked for):
 * the backend class, the native library JavaCPP loaded and the build folder it came from.
 *
 * <p>Why this matters: with both {@code nd4j-native} jars on the class path (generic and
 * {@code -avx512}), JavaCPP 1.5.7 tries the extensions listed in {@code Nd4jCpuPresets}
 * ({@code -onednn ... -avx2, -avx512, -compat}) in reverse order, then the plain build, and loads
 * the first one found, unless {@code org.bytedeco.javacpp.platform.extension} names one. The
 * launcher sets that property per CPU; this class reports the outcome in one line.
 */
public final class NativeBackend {

    /** System property the launcher sets to say why it chose the build (e.g. "CPU has AVX-512"). */
    public static final String REASON_PROPERTY = "fluentdl.native.reason";

    /** Environment variables that change native speed; recorded as the JVM saw them. */
    private static final String[] SPEED_VARIABLES = {"OMP_NUM_THREADS", "OMP_WAIT_POLICY", "OPENBLAS_NUM_THREADS",
            "OPENBLAS_CORETYPE", "FLUENTDL_OPENBLAS_CORETYPE", "MKL_NUM_THREADS"};

    private NativeBackend() {
    }

    /** The ND4J backend class in use (starts ND4J if needed). */
    public static String backendClass() {
        return Nd4j.getBackend().getClass().getName();
    }

    /** Path of the loaded ND4J native library (jnind4jcpu / jnind4jcuda), if loaded. */
    public static Optional<String> nativeLibrary() {
        return Loader.getLoadedLibraries().values().stream()
                .filter(path -> path != null && path.contains("jnind4j"))
                .findFirst();
    }

    /** The native build folder the library came from, e.g. {@code linux-x86_64-avx512}. */
    public static String nativeBuild() {
        return nativeLibrary().map(NativeBackend::buildOf).orElse("unknown (no ND4J native library loaded)");
    }

    /** The speed-relevant environment, in a fixed order; unset variables are left out. */
    public static Map<String, String> speedEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : SPEED_VARIABLES) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return env;
    }

    /**
     * One line for the run log, e.g. {@code ND4J native build: linux-x86_64-avx512 (CPU has AVX-512),
     * 1 OpenMP thread, OpenBLAS core SkylakeX}.
     */
    public static String choiceLine() {
        String reason = System.getProperty(REASON_PROPERTY, "JavaCPP's own choice: not started by ./fluentdl");
        int threads = Nd4j.getEnvironment().maxMasterThreads();
        String core = Optional.ofNullable(System.getenv("OPENBLAS_CORETYPE")).orElse("auto-detected");
        return String.format("ND4J native build: %s (%s), %d OpenMP thread%s, OpenBLAS core %s",
                nativeBuild(), reason, threads, threads == 1 ? "" : "s", core);
    }

    /** The folder above the library file, which JavaCPP names after platform + extension. */
    static String buildOf(String libraryPath) {
        String[] parts = libraryPath.replace('\\', '/').split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : libraryPath;
    }
}
