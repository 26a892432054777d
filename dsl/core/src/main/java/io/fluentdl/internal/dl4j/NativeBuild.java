package io.fluentdl.internal.dl4j;

import io.fluentdl.internal.host.CpuInfo;

/**
 * Chooses between nd4j-native's generic and AVX-512 builds before ND4J loads.
 *
 * <p>With both jars on the class path (as {@code fluentdl-backend} brings them), JavaCPP 1.5.7 tries
 * Nd4jCpuPresets' extensions in reverse order and loads the first present, which is {@code -avx512}
 * on <em>every</em> CPU — and crashes with an illegal instruction on a CPU without AVX-512. So, unless
 * the user set {@value #PROPERTY} (the launcher does), we pin the generic build on such CPUs.
 * The one bootstrap: FluentDL reaches ND4J first through {@link DataArrays} (every data set),
 * {@link ModelTranslator} (every network) or {@link ModelZip} (a loaded model), and each selects here
 * before its first ND4J call; code that touches ND4J before FluentDL should set the property itself.
 */
public final class NativeBuild {

    public static final String PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private NativeBuild() {
    }

    /** Sets {@value #PROPERTY} to the generic build when the CPU lacks AVX-512 and nobody chose. */
    public static synchronized void select() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        Boolean avx512 = CpuInfo.hasAvx512();
        if (avx512 != null && !avx512) {
            System.setProperty(PROPERTY, "");
        }
    }
}
