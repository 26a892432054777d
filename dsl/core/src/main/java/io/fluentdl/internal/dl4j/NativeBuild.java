package io.fluentdl.internal.dl4j;

import io.fluentdl.internal.host.CpuInfo;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacpp.Loader;

/**
 * Chooses between nd4j-native's generic and AVX-512 builds, once per process, before ND4J loads.
 *
 * <p>With both jars on the class path (as {@code fluentdl-backend} brings them), JavaCPP 1.5.7 tries
 * Nd4jCpuPresets' extensions in reverse order and loads the first present, which is {@code -avx512}
 * on <em>every</em> CPU — and crashes with an illegal instruction on a CPU without AVX-512. So, unless
 * the user set {@value #PROPERTY} (the launcher does), we pin the generic build on such CPUs.
 *
 * <p>The one bootstrap: {@link Nd4jBootstrap}, an ND4J backend service that ND4J itself instantiates
 * (with every other backend) on its first use, before it asks any backend to load native code. So the
 * choice is made on the process's first ND4J touch, whoever touches it (FluentDL, DL4J, or the user's
 * {@code Nd4j.create}), and no FluentDL class needs a static block for it. The decision is a holder
 * class's initialiser, so it runs exactly once; {@link #select()} is safe to call again.
 */
public final class NativeBuild {

    public static final String PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private static final AtomicInteger DECISIONS = new AtomicInteger();

    /**
     * What was decided.
     *
     * @param extension         the value of {@value #PROPERTY} after the decision, or null when JavaCPP
     *                          chooses (AVX-512 CPU, or a CPU that could not be read)
     * @param reason            why, in words
     * @param nativeLoadedFirst whether ND4J's native library was already loaded when the decision ran
     *                          (then it came too late to matter: a bug in the bootstrap, or a caller that
     *                          loaded ND4J's natives without ND4J)
     */
    public record Choice(String extension, String reason, boolean nativeLoadedFirst) {
    }

    private static final class Holder {
        static final Choice CHOICE = decide();
    }

    private NativeBuild() {
    }

    /** Makes the choice if it has not been made; returns it. Idempotent and thread-safe (class initialisation). */
    public static Choice select() {
        return Holder.CHOICE;
    }

    /** How many times the choice was made in this process: 1 once anything touched ND4J (for tests). */
    static int decisions() {
        return DECISIONS.get();
    }

    private static Choice decide() {
        DECISIONS.incrementAndGet();
        boolean loaded = Loader.getLoadedLibraries().keySet().stream().anyMatch(name -> name.contains("nd4j"));
        String set = System.getProperty(PROPERTY);
        if (set != null) {
            return new Choice(set, String.format("%s was set by the caller", PROPERTY), loaded);
        }
        Boolean avx512 = CpuInfo.hasAvx512();
        if (avx512 != null && !avx512) {
            System.setProperty(PROPERTY, "");
            return new Choice("", "the CPU lacks AVX-512: the generic build", loaded);
        }
        return new Choice(null, avx512 == null ? "CPU flags unreadable: JavaCPP's own choice"
                : "the CPU has AVX-512: JavaCPP's own choice", loaded);
    }
}
