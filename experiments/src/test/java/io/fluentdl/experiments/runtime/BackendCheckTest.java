package io.fluentdl.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CUDA decision from fake nvidia-smi / procfs outputs: no GPU is needed (or claimed) here. */
class BackendCheckTest {

    private static final String H100 = "NVIDIA H100 80GB HBM3, 550.54.15, 9.0\n";
    private static final String A100 = "NVIDIA A100-SXM4-40GB, 535.104.05, 8.0\n";
    private static final String L4 = "NVIDIA L4, 535.104.05, 8.9\n";
    private static final String PROC = "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15  Tue Mar  5 22:23:56 UTC 2024\n"
            + "GCC version:  gcc version 12.2.0 (Debian 12.2.0-14)\n";

    private static BackendCheck.Facts facts(String smi, String proc, boolean cudaBuilt) {
        return new BackendCheck.Facts(smi, proc, cudaBuilt);
    }

    @Test
    void cpuNeedsNoCheck() {
        BackendCheck.Decision d = BackendCheck.decide("cpu", false, facts(null, null, false));
        assertEquals(new BackendCheck.Decision("cpu", true, "backend: CPU (nd4j-native)"), d);
    }

    @Test
    void noDriverIsReportedInOneLine() {
        BackendCheck.Decision d = BackendCheck.decide("cuda", false, facts(null, null, true));
        assertFalse(d.ok());
        assertTrue(d.message().contains("no NVIDIA driver found"), d.message());
        assertTrue(d.message().contains("--fallback-cpu"), d.message());
        assertFalse(d.message().contains("\n"));
    }

    @Test
    void driverWithoutNvidiaSmiGpusIsNamed() {
        String problem = BackendCheck.cudaProblem(facts("", PROC, true));
        assertTrue(problem.contains("driver 550.54.15"), problem);
    }

    @Test
    void hopperIsRejectedBecauseM21HasNoSm90KernelsOrPtx() {
        BackendCheck.Decision d = BackendCheck.decide("cuda", false, facts(H100, PROC, true));
        assertFalse(d.ok());
        assertEquals("cuda", d.backend());
        assertTrue(d.message().contains("NVIDIA H100 80GB HBM3 has compute capability 9.0 (sm_90)"), d.message());
        assertTrue(d.message().contains("sm_37..sm_86 and no PTX"), d.message());
    }

    @Test
    void fallbackRunsOnTheCpuAndSaysWhy() {
        BackendCheck.Decision d = BackendCheck.decide("cuda", true, facts(H100, PROC, true));
        assertTrue(d.ok());
        assertEquals("cpu", d.backend());
        assertTrue(d.message().startsWith("CUDA cannot be used: NVIDIA H100"), d.message());
        assertTrue(d.message().endsWith("falling back to CPU (--fallback-cpu)"), d.message());
    }

    @Test
    void ampereAndAdaRunWhenTheCudaProfileIsBuilt() {
        BackendCheck.Decision a100 = BackendCheck.decide("cuda", false, facts(A100, null, true));
        assertEquals(new BackendCheck.Decision("cuda", true,
                "backend: CUDA (nd4j-cuda-11.6) on NVIDIA A100-SXM4-40GB, compute capability 8.0, driver 535.104.05"), a100);
        assertNull(BackendCheck.cudaProblem(facts(L4, null, true))); // sm_86 cubins run on 8.9
    }

    @Test
    void aSupportedGpuWithoutTheCudaBuildSaysHowToRebuild() {
        String problem = BackendCheck.cudaProblem(facts(A100, null, false));
        assertTrue(problem.contains("rebuild with mvn -Pcuda"), problem);
    }

    @Test
    void oldDriversCannotRunCuda11() {
        String problem = BackendCheck.cudaProblem(facts("Tesla K80, 418.87.01, 3.7\n", null, true));
        assertTrue(problem.contains("driver 418.87.01, older than 450.80.02"), problem);
    }

    @Test
    void nvidiaSmiOutputIsParsedLineByLine() {
        List<BackendCheck.Gpu> gpus = BackendCheck.gpus(H100 + "NVIDIA H100 80GB HBM3, 550.54.15, 9.0\n");
        assertEquals(2, gpus.size());
        assertEquals(new BackendCheck.Gpu("NVIDIA H100 80GB HBM3", "550.54.15", 9.0), gpus.get(0));
        // older drivers cannot query compute_cap: Hopper/Blackwell names are recognised, others unknown
        assertEquals(9.0, BackendCheck.gpus("NVIDIA H200, 550.54.15, [N/A]").get(0).computeCapability());
        assertTrue(Double.isNaN(BackendCheck.gpus("Tesla V100-SXM2-16GB, 470.57.02").get(0).computeCapability()));
        assertTrue(BackendCheck.gpus("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.").isEmpty());
    }

    @Test
    void procDriverVersionAndVersionOrder() {
        assertEquals("550.54.15", BackendCheck.driverFromProc(PROC));
        assertNull(BackendCheck.driverFromProc("garbage"));
        assertTrue(BackendCheck.compareVersions("450.80.02", "450.80.2") == 0);
        assertTrue(BackendCheck.compareVersions("535.1", "450.80.02") > 0);
    }

    @Test
    void unknownBackendIsRefused() {
        assertFalse(BackendCheck.decide("tpu", true, facts(null, null, false)).ok());
    }
}
