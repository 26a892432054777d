package io.fluentdl.track;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The machine a run was made on, read once per process: what a reader needs to know to trust or re-run
 * a number (Tribuo's {@code ModelProvenance}). One record for every provenance FluentDL writes: a
 * tracked run's {@code run.json} stores {@link #toMap()}, an experiment's {@code provenance.json} takes
 * its {@code java}, {@code os}, {@code arch}, {@code cpu}, {@code gpu}, {@code dl4jVersion} and backend
 * facts from here.
 *
 * <pre>{@code
 * SystemInfo machine = SystemInfo.current();
 * machine.cpu();                           // "AMD EPYC 9R14 (2 logical cores)"
 * Map<String, Object> p = SystemInfo.collect();   // the run.json form, to extend
 * p.put("command", "fluentdl run bn-case-study --seed 1");
 * }</pre>
 * Facts that cannot be read are "unknown" rather than failing the run.
 *
 * @param javaVersion  {@code java.version}, e.g. 17.0.15
 * @param javaVendor   {@code java.vendor}
 * @param javaVm       {@code java.vm.name}
 * @param osName       {@code os.name}
 * @param osVersion    {@code os.version}
 * @param arch         {@code os.arch}
 * @param cpuModel     the {@code model name} of {@code /proc/cpuinfo}, else the architecture
 * @param cpuCores     logical cores the JVM sees
 * @param maxHeapBytes the JVM's maximum heap
 * @param host         the host name
 * @param gpu          GPUs as {@code nvidia-smi} lists them (name, driver, compute capability, ";" between
 *                     GPUs), or why none was found
 * @param dl4jVersion  deeplearning4j-nn's version, from its jar's Maven metadata
 * @param nd4jVersion  nd4j-api's version
 * @param nd4j         the ND4J backend in use: {@code nd4j.backend} (class), {@code nd4j.dtype},
 *                     {@code nd4j.blas.vendor}, {@code nd4j.omp.threads}, {@code nd4j.cores}
 * @param environment  the variables that change native speed ({@link #SPEED_VARIABLES}) that are set
 */
public record SystemInfo(String javaVersion, String javaVendor, String javaVm, String osName, String osVersion,
                         String arch, String cpuModel, int cpuCores, long maxHeapBytes, String host, String gpu,
                         String dl4jVersion, String nd4jVersion, Map<String, Object> nd4j,
                         Map<String, String> environment) {

    /** Environment variables that change native speed, recorded as the JVM saw them. */
    public static final String[] SPEED_VARIABLES = {"OMP_NUM_THREADS", "OMP_WAIT_POLICY", "OPENBLAS_NUM_THREADS",
            "OPENBLAS_CORETYPE", "FLUENTDL_OPENBLAS_CORETYPE", "MKL_NUM_THREADS"};

    private static final String UNKNOWN = "unknown";

    public SystemInfo {
        nd4j = Collections.unmodifiableMap(new LinkedHashMap<>(nd4j));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** The machine facts don't change while the process runs, so they are read (and nvidia-smi asked) once. */
    private static final class Holder {
        static final SystemInfo CURRENT = read();
    }

    /** This process's machine. Touches ND4J, so the backend is loaded if it was not already. */
    public static SystemInfo current() {
        return Holder.CURRENT;
    }

    /**
     * {@link #current()} as the mutable map a tracked run stores ({@link TrackerBuilder#provenance(Map)}),
     * with its documented keys: {@code java.version}, {@code java.vendor}, {@code os.name}, {@code os.version},
     * {@code os.arch}, {@code cpu.model}, {@code cpu.cores}, {@code heap.max_bytes}, {@code host},
     * {@code gpu}, {@code dl4j.version}, {@code nd4j.version}, the {@code nd4j.*} backend keys and
     * {@code env.<VARIABLE>}.
     */
    public static Map<String, Object> collect() {
        return current().toMap();
    }

    /** This record as run.json's provenance map (see {@link #collect()}); a new mutable map each call. */
    public Map<String, Object> toMap() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("java.version", javaVersion);
        p.put("java.vendor", javaVendor);
        p.put("os.name", osName);
        p.put("os.version", osVersion);
        p.put("os.arch", arch);
        p.put("cpu.model", cpuModel);
        p.put("cpu.cores", cpuCores);
        p.put("heap.max_bytes", maxHeapBytes);
        p.put("host", host);
        p.put("gpu", gpu);
        p.put("dl4j.version", dl4jVersion);
        p.put("nd4j.version", nd4jVersion);
        p.putAll(nd4j);
        environment.forEach((k, v) -> p.put("env." + k, v));
        return p;
    }

    /** Java version, VM and vendor, e.g. {@code 17.0.15 (OpenJDK 64-Bit Server VM, Debian)}. */
    public String java() {
        return String.format("%s (%s, %s)", javaVersion, javaVm, javaVendor);
    }

    /** Operating system name and version, e.g. {@code Linux 6.1.0-18-cloud-amd64}. */
    public String os() {
        return String.format("%s %s", osName, osVersion);
    }

    /** CPU model and logical cores, e.g. {@code AMD EPYC 9R14 (2 logical cores)}. */
    public String cpu() {
        return String.format("%s (%d logical cores)", cpuModel, cpuCores);
    }

    /** The ND4J backend class in use, or "unknown (...)" when ND4J could not load. */
    public String nd4jBackend() {
        return String.valueOf(nd4j.getOrDefault("nd4j.backend", UNKNOWN));
    }

    private static SystemInfo read() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : SPEED_VARIABLES) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return new SystemInfo(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), io.fluentdl.internal.host.CpuInfo.model(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
                ProcessOwner.current().host(), gpus(), mavenVersion("org.deeplearning4j", "deeplearning4j-nn"),
                mavenVersion("org.nd4j", "nd4j-api"), io.fluentdl.internal.track.Nd4jInfo.backend(UNKNOWN), env);
    }

    /**
     * The version in {@code META-INF/maven/<group>/<artifact>/pom.properties}, which Maven writes into
     * every jar it builds; unlike {@code Package.getImplementationVersion()} it does not depend on the
     * manifest, which DL4J's jars leave without versions. "unknown" when absent (classes, not a jar).
     */
    public static String mavenVersion(String group, String artifact) {
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

    /** GPUs as nvidia-smi lists them; asked with a short timeout, as a hung driver must not hang the run. */
    private static String gpus() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,driver_version,compute_cap",
                    "--format=csv,noheader").redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "nvidia-smi did not answer within 10 s";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && !out.isEmpty() ? out.replace('\n', ';')
                    : String.format("none found (nvidia-smi: %s)", out);
        } catch (IOException e) {
            return "none found (no nvidia-smi)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }
}
