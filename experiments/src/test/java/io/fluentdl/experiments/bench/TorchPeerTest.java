package io.fluentdl.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The peer's honesty rules: a reference BLAS gets no ratio; the summary is a geometric mean. */
class TorchPeerTest {

    @Test
    void aPeerGemmFarBelowOursIsAReferenceBlas() {
        // Debian's libblas3 measured ~20x below OpenBLAS on this machine
        assertTrue(TorchPeer.isReferenceBlas(20, 420));
        assertTrue(TorchPeer.isReferenceBlas(41.9, 420));
        assertFalse(TorchPeer.isReferenceBlas(42, 420));
        assertFalse(TorchPeer.isReferenceBlas(35, 149), "OpenBLAS under load measured 35 against our 149 here");
        assertFalse(TorchPeer.isReferenceBlas(380, 420));
        assertTrue(TorchPeer.isReferenceBlas(Double.NaN, 420), "a peer that reported no probe gets no ratio");
    }

    @Test
    void ratiosAreSummarisedByTheirGeometricMean() {
        assertEquals(1.0, TorchPeer.geometricMean(List.of(0.5, 2.0)), 1e-12);
        assertEquals(2.0, TorchPeer.geometricMean(List.of(1.0, 4.0)), 1e-12);
        assertEquals(0.4, TorchPeer.geometricMean(List.of(0.4)), 1e-12);
    }

    @Test
    void peerRunsOursBlasThreadsWhenGivenElseEveryCore() {
        assertEquals(1, TorchPeer.peerBlasThreads(BenchOptions.quickPreset().withBlasThreads(1)));
        assertEquals(3, TorchPeer.peerBlasThreads(BenchOptions.quickPreset().withBlasThreads(3)));
        assertEquals(Runtime.getRuntime().availableProcessors(), TorchPeer.peerBlasThreads(BenchOptions.quickPreset()));
    }
}
