package io.fluentdl.experiments.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.experiments.Backend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CUDA decision from fake nvidia-smi / procfs outputs: no GPU is needed (or claimed) here. */
class BackendCheckTest {

    private static final String H100 = "NVIDIA H100 80GB HBM3, 550.54.15, 9.0\n";
    private static final String A100 = "NVIDIA A100-SXM4-40GB, 535.104.05, 8.0\n";
    private static final String L4 = "NVIDIA L4, 535.104.05, 8.9\n";
    private static final String PROC = "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15  Tue Mar  5 22:23:56 UTC 2024\n"
            + "GCC version:  gcc version 12.2.0 (Debian 12.2.0-14)\n";

    /** A CPU build ({@code cudaBuilt} false) or a {@code -Pcuda} build, which has the CUDA backend only. */
    private static BackendCheck.Facts facts(String smi, String proc, boolean cudaBuilt) {
        return new BackendCheck.Facts(smi, proc, cudaBuilt, !cudaBuilt);
    }

    @Test
    void cpuNeedsNoCheck() {
        BackendCheck.Decision d = BackendCheck.decide(Backend.CPU, false, facts(null, null, false));
        assertEquals(new BackendCheck.Decision(Backend.CPU, true, "backend: CPU (nd4j-native)"), d);
    }

    @Test
    void noDriverIsReportedInOneLine() {
        BackendCheck.Decision d = BackendCheck.decide(Backend.CUDA, false, facts(null, null, true));
        assertFalse(d.ok());
        assertTrue(d.message().contains("no NVIDIA driver found"), d.message());
        assertTrue(d.message().contains("--fallback-cpu"), d.message());
        assertFalse(d.message().contains("\n"));
    }

    @Test
    void driverWithoutNvidiaSmiGpusIsNamed() {
        String problem = CudaSupport.problem(facts("", PROC, true));
        assertTrue(problem.contains("driver 550.54.15"), problem);
    }

    @Test
    void hopperIsRejectedBecauseM21HasNoSm90KernelsOrPtx() {
        BackendCheck.Decision d = BackendCheck.decide(Backend.CUDA, false, facts(H100, PROC, true));
        assertFalse(d.ok());
        assertEquals(Backend.CUDA, d.backend());
        assertTrue(d.message().contains("NVIDIA H100 80GB HBM3 has compute capability 9.0 (sm_90)"), d.message());
        assertTrue(d.message().contains("sm_37..sm_86 and no PTX"), d.message());
    }

    @Test
    void fallbackRunsOnTheCpuOfACpuBuildAndSaysWhy() {
        BackendCheck.Decision d = BackendCheck.decide(Backend.CUDA, true, facts(null, null, false));
        assertEquals(new BackendCheck.Decision(Backend.CPU, true, "backend: CPU (nd4j-native), falling back from CUDA "
                + "(--fallback-cpu): no NVIDIA driver found (no nvidia-smi on the PATH, no /proc/driver/nvidia/version)"), d);
    }

    @Test
    void aCudaOnlyBuildCannotFallBackAndSaysHowToRebuild() {
        BackendCheck.Decision d = BackendCheck.decide(Backend.CUDA, true, facts(H100, PROC, true));
        assertFalse(d.ok());
        assertTrue(d.message().startsWith("--backend cuda: NVIDIA H100 80GB HBM3 has compute capability 9.0"), d.message());
        assertTrue(d.message().endsWith("--fallback-cpu cannot help: this build has the CUDA backend only. "
                + "Rebuild with FLUENTDL_MAVEN_ARGS= ./fluentdl ... to run on the CPU."), d.message());
    }

    @Test
    void withBothBackendsNd4jWouldStillPickCudaSoFallbackRefusesAndNamesTheVariable() {
        BackendCheck.Decision d = BackendCheck.decide(Backend.CUDA, true, new BackendCheck.Facts(H100, PROC, true, true));
        assertFalse(d.ok());
        assertTrue(d.message().contains("BACKEND_PRIORITY_CPU=1000"), d.message());
    }

    @Test
    void aCudaBuildCannotRunTheCpuBackend() {
        BackendCheck.Decision d = BackendCheck.decide(Backend.CPU, false, facts(A100, null, true));
        assertFalse(d.ok());
        assertTrue(d.message().startsWith("--backend cpu: this build has no ND4J CPU backend"), d.message());
    }

    @Test
    void ampereAndAdaRunWhenTheCudaProfileIsBuilt() {
        BackendCheck.Decision a100 = BackendCheck.decide(Backend.CUDA, false, facts(A100, null, true));
        assertEquals(new BackendCheck.Decision(Backend.CUDA, true,
                "backend: CUDA (nd4j-cuda-11.6) on NVIDIA A100-SXM4-40GB, compute capability 8.0, driver 535.104.05"), a100);
        assertNull(CudaSupport.problem(facts(L4, null, true))); // sm_86 cubins run on 8.9
    }

    @Test
    void aSupportedGpuWithoutTheCudaBuildSaysHowToRebuild() {
        String problem = CudaSupport.problem(facts(A100, null, false));
        assertTrue(problem.contains("this build has the CPU backend only; rebuild with FLUENTDL_MAVEN_ARGS=-Pcuda"), problem);
    }

    @Test
    void oldDriversCannotRunCuda11() {
        String problem = CudaSupport.problem(facts("Tesla K80, 418.87.01, 3.7\n", null, true));
        assertTrue(problem.contains("driver 418.87.01, older than 450.80.02"), problem);
    }

    @Test
    void nvidiaSmiOutputIsParsedLineByLine() {
        List<CudaSupport.Gpu> gpus = CudaSupport.gpus(H100 + "NVIDIA H100 80GB HBM3, 550.54.15, 9.0\n");
        assertEquals(2, gpus.size());
        assertEquals(new CudaSupport.Gpu("NVIDIA H100 80GB HBM3", "550.54.15", 9.0), gpus.get(0));
        // older drivers cannot query compute_cap: Hopper/Blackwell names are recognised, others unknown
        assertEquals(9.0, CudaSupport.gpus("NVIDIA H200, 550.54.15, [N/A]").get(0).computeCapability());
        assertTrue(Double.isNaN(CudaSupport.gpus("Tesla V100-SXM2-16GB, 470.57.02").get(0).computeCapability()));
        assertTrue(CudaSupport.gpus("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.").isEmpty());
    }

    @Test
    void procDriverVersionAndVersionOrder() {
        assertEquals("550.54.15", CudaSupport.driverFromProc(PROC));
        assertNull(CudaSupport.driverFromProc("garbage"));
        assertTrue(CudaSupport.compareVersions("450.80.02", "450.80.2") == 0);
        assertTrue(CudaSupport.compareVersions("535.1", "450.80.02") > 0);
    }
}
