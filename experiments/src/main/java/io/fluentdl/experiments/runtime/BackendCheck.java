package io.fluentdl.experiments.runtime;

import io.fluentdl.experiments.Backend;
import java.util.Optional;

/**
 * Checks, before ND4J starts, that the backend asked for with {@code --backend} is in this build,
 * and explains what to do when it is not. ND4J itself would pick whatever backend is on the class
 * path and fail much later with a native error.
 */
public final class BackendCheck {

    private static final String CPU_CLASS = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";
    private static final String CUDA_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    private BackendCheck() {
    }

    /**
     * A one-line reason why {@code backend} cannot be used here, or empty when it can. The GPU itself
     * (driver, compute capability) is judged by {@link io.fluentdl.experiments.bench.BackendCheck},
     * the one place that knows DL4J M2.1's CUDA limits.
     */
    public static Optional<String> problem(Backend backend) {
        return switch (backend) {
            case CPU -> present(CPU_CLASS) ? Optional.empty() : Optional.of(
                    "--backend cpu: this build has no ND4J CPU backend (it was built with -Pcuda). "
                            + "Rebuild with FLUENTDL_MAVEN_ARGS= ./fluentdl ... to use the CPU.");
            case CUDA -> present(CUDA_CLASS) ? cudaDevice() : Optional.of(
                    "--backend cuda: this build has the CPU backend only. Rebuild with "
                            + "FLUENTDL_MAVEN_ARGS=-Pcuda ./fluentdl ... (needs CUDA 11.6 and a GPU of compute "
                            + "capability 3.7-8.6: DL4J 1.0.0-M2.1 ships no kernels for newer GPUs such as Hopper).");
        };
    }

    private static Optional<String> cudaDevice() {
        var decision = io.fluentdl.experiments.bench.BackendCheck.decide("cuda", false,
                io.fluentdl.experiments.bench.BackendCheck.probe());
        return decision.ok() ? Optional.empty() : Optional.of(String.format("--backend cuda: %s", decision.message()));
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
