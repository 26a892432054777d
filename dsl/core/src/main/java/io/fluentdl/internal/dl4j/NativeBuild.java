package io.fluentdl.internal.dl4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Chooses between nd4j-native's generic and AVX-512 builds before ND4J loads.
 *
 * <p>With both jars on the class path (as {@code fluentdl-backend} brings them), JavaCPP 1.5.7 tries
 * Nd4jCpuPresets' extensions in reverse order and loads the first present, which is {@code -avx512}
 * on <em>every</em> CPU — and crashes with an illegal instruction on a CPU without AVX-512. So, unless
 * the user set {@value #PROPERTY} (the launcher does), we pin the generic build on such CPUs.
 * Called from the static initialisers of the entry points ({@code Sequential}, {@code Model},
 * {@code Dataset}); code that touches ND4J before them should set the property itself.
 */
public final class NativeBuild {

    public static final String PROPERTY = "org.bytedeco.javacpp.platform.extension";
    private static final Pattern AVX512 = Pattern.compile("\\bavx512f\\b");

    private NativeBuild() {
    }

    /** Sets {@value #PROPERTY} to the generic build when the CPU lacks AVX-512 and nobody chose. */
    public static synchronized void select() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        Boolean avx512 = cpuHasAvx512(Path.of("/proc/cpuinfo"));
        if (avx512 != null && !avx512) {
            System.setProperty(PROPERTY, "");
        }
    }

    /** Whether {@code cpuinfo} lists avx512f; null when it cannot be read (not Linux). */
    static Boolean cpuHasAvx512(Path cpuinfo) {
        try {
            return AVX512.matcher(Files.readString(cpuinfo)).find();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
