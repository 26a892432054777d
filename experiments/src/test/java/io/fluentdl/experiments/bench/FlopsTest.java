package io.fluentdl.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FlopsTest {

    @Test
    void forwardCountsTwoFlopsPerWeight() {
        // 784·512 + 512·512 + 512·10 = 668,672 weights
        assertEquals(2L * 668_672, Flops.forwardPerExample(784, 512, 512, 10));
        assertEquals(2L * 3 * 4, Flops.forwardPerExample(3, 4));
    }

    @Test
    void trainingIsThreeForwardPassesAboutFourMflopForTheBenchMlp() {
        assertEquals(4_012_032L, Flops.trainingPerExample(MlpWorkload.SIZES));
    }

    @Test
    void gemmAndRates() {
        assertEquals(2.0 * 2048 * 2048 * 2048, Flops.gemm(2048, 2048, 2048));
        assertEquals(40.12032, Flops.gflops(10_000, 4_012_032L), 1e-9);
    }

    @Test
    void needsInputAndOutputWidths() {
        assertThrows(IllegalArgumentException.class, () -> Flops.forwardPerExample(784));
    }
}
