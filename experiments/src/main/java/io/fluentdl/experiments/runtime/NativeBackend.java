package io.fluentdl.experiments.runtime;

import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which ND4J native code actually runs, read after ND4J has started (not what was asked for):
 * the native library JavaCPP loaded and the build folder it came from (the backend class and the
 * speed environment are in the machine record, {@link io.fluentdl.track.SystemInfo}).
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

    private NativeBackend() {
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
