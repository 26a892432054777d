package io.fluentdl.experiments.runtime;

import io.fluentdl.experiments.Backend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decides, before ND4J starts, which backend a run or bench uses, and says so in one line: the GPU
 * and driver found, or why the backend asked for cannot be used. ND4J itself would load whatever
 * backend is on the class path and fail much later with a native error.
 *
 * <p>{@code --fallback-cpu} turns an unusable CUDA request into a CPU run, when this build has the CPU
 * backend. The {@code cuda} profile puts only ND4J's CUDA backend on the class path (one backend, as
 * DL4J recommends), so a CUDA build cannot fall back: the message says to rebuild for the CPU. The
 * GPU rules are in {@link CudaSupport}.
 */
public final class BackendCheck {

    /** The query the check runs. */
    public static final List<String> NVIDIA_SMI = List.of("nvidia-smi",
            "--query-gpu=name,driver_version,compute_cap", "--format=csv,noheader");
    private static final String CPU_CLASS = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";
    private static final String CUDA_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    /**
     * What the machine and the build show; {@link #probe()} reads the real ones, tests pass fakes.
     *
     * @param nvidiaSmiOutput        {@link #NVIDIA_SMI}'s output, null when it could not run
     * @param procDriverVersion      {@code /proc/driver/nvidia/version}, null when absent
     * @param cudaBackendOnClassPath this build has ND4J's CUDA backend ({@code -Pcuda})
     * @param cpuBackendOnClassPath  this build has ND4J's CPU backend (the default profile)
     */
    public record Facts(String nvidiaSmiOutput, String procDriverVersion, boolean cudaBackendOnClassPath,
                        boolean cpuBackendOnClassPath) {
    }

    /**
     * The outcome.
     *
     * @param backend what runs
     * @param ok      false when the request cannot be honoured: {@code message} says why and what to do
     * @param message one line for the log
     */
    public record Decision(Backend backend, boolean ok, String message) {
    }

    private BackendCheck() {
    }

    /** Reads this machine's facts (runs nvidia-smi for at most 10 s, only when CUDA is asked for). */
    public static Facts probe(Backend requested) {
        boolean cpu = present(CPU_CLASS);
        boolean cuda = present(CUDA_CLASS);
        if (requested == Backend.CPU) {
            return new Facts(null, null, cuda, cpu);
        }
        return new Facts(nvidiaSmi(), procDriverVersion(), cuda, cpu);
    }

    /**
     * @param requested   what {@code --backend} asked for
     * @param fallbackCpu {@code --fallback-cpu}: run on the CPU when CUDA cannot be used
     */
    public static Decision decide(Backend requested, boolean fallbackCpu, Facts facts) {
        if (requested == Backend.CPU) {
            return facts.cpuBackendOnClassPath()
                    ? new Decision(Backend.CPU, true, "backend: CPU (nd4j-native)")
                    : new Decision(Backend.CPU, false, "--backend cpu: this build has no ND4J CPU backend (it was built with "
                            + "-Pcuda). Rebuild with FLUENTDL_MAVEN_ARGS= ./fluentdl ... to use the CPU.");
        }
        String problem = CudaSupport.problem(facts);
        if (problem == null) {
            return new Decision(Backend.CUDA, true, "backend: CUDA (nd4j-cuda-11.6) on " + CudaSupport.describe(facts));
        }
        if (!fallbackCpu) {
            return new Decision(Backend.CUDA, false, String.format("--backend cuda: %s. Add --fallback-cpu to run on the CPU instead.", problem));
        }
        if (!facts.cpuBackendOnClassPath()) {
            return new Decision(Backend.CUDA, false, String.format("--backend cuda: %s; --fallback-cpu cannot help: this build "
                    + "has the CUDA backend only. Rebuild with FLUENTDL_MAVEN_ARGS= ./fluentdl ... to run on the CPU.", problem));
        }
        if (facts.cudaBackendOnClassPath()) {
            // ND4J prefers CUDA whenever it finds a device, whatever we decide here; only the
            // environment variable BACKEND_PRIORITY_CPU, read before the JVM starts, changes that
            return new Decision(Backend.CUDA, false, String.format("--backend cuda: %s; this build has both ND4J backends and "
                    + "ND4J would still load CUDA: run with BACKEND_PRIORITY_CPU=1000 ./fluentdl ... --backend cpu instead.", problem));
        }
        return new Decision(Backend.CPU, true, String.format("backend: CPU (nd4j-native), falling back from CUDA (--fallback-cpu): %s", problem));
    }

    private static String nvidiaSmi() {
        try {
            Process p = new ProcessBuilder(NVIDIA_SMI).redirectErrorStream(true).start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            p.destroyForcibly();
            return null;
        } catch (IOException e) {
            return null; // no nvidia-smi on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String procDriverVersion() {
        try {
            Path version = Path.of("/proc/driver/nvidia/version");
            return Files.isReadable(version) ? Files.readString(version) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, BackendCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
