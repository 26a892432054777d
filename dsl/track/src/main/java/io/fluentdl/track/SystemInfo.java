package io.fluentdl.track;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The standard provenance of a run: what a reader needs to know to trust or re-run a number (Tribuo's
 * {@code ModelProvenance}). The result is a plain mutable map the caller extends (command line, FluentDL
 * version, data checksums) and passes to {@link TrackerBuilder#provenance(Map)}.
 *
 * <pre>{@code
 * Map<String, Object> p = SystemInfo.collect();
 * p.put("command", "fluentdl run bn-case-study --seed 1");
 * }</pre>
 * Facts that cannot be read are given as "unknown" rather than failing the run.
 */
public final class SystemInfo {

    private static final String UNKNOWN = "unknown";

    private SystemInfo() {
    }

    /**
     * Java version and vendor, OS name/version/arch, CPU model (from {@code /proc/cpuinfo}) and cores,
     * max heap, DL4J and ND4J versions (from their jars' Maven metadata), the ND4J backend class and
     * its BLAS, and the thread-related environment ({@code OMP_NUM_THREADS}, {@code OPENBLAS_CORETYPE}).
     * Touches ND4J, so the backend is loaded if it was not already.
     */
    public static Map<String, Object> collect() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("java.version", System.getProperty("java.version"));
        p.put("java.vendor", System.getProperty("java.vendor"));
        p.put("os.name", System.getProperty("os.name"));
        p.put("os.version", System.getProperty("os.version"));
        p.put("os.arch", System.getProperty("os.arch"));
        p.put("cpu.model", io.fluentdl.internal.host.CpuInfo.model());
        p.put("cpu.cores", Runtime.getRuntime().availableProcessors());
        p.put("heap.max_bytes", Runtime.getRuntime().maxMemory());
        p.put("host", ProcessOwner.current().host());
        p.put("dl4j.version", mavenVersion("org.deeplearning4j", "deeplearning4j-nn"));
        p.put("nd4j.version", mavenVersion("org.nd4j", "nd4j-api"));
        p.putAll(nd4jBackend());
        for (String env : new String[] {"OMP_NUM_THREADS", "OPENBLAS_CORETYPE", "OMP_WAIT_POLICY"}) {
            String value = System.getenv(env);
            if (value != null) {
                p.put("env." + env, value);
            }
        }
        return p;
    }

    /**
     * The version in {@code META-INF/maven/<group>/<artifact>/pom.properties}, which Maven writes into
     * every jar it builds; unlike {@code Package.getImplementationVersion()} it does not depend on the
     * manifest, which DL4J's jars leave without versions.
     */
    static String mavenVersion(String group, String artifact) {
        String resource = String.format("/META-INF/maven/%s/%s/pom.properties", group, artifact);
        try (InputStream in = SystemInfo.class.getResourceAsStream(resource)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    private static Map<String, Object> nd4jBackend() {
        return io.fluentdl.internal.track.Nd4jInfo.backend(UNKNOWN);
    }
}
