package io.fluentdl.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe's list of GEMMs is the engine's step: 8 per batch size, the first layer without an input gradient. */
class GemmProbeTest {

    @Test
    void eightGemmsPerBatchSizeWithTheStepsFlops() {
        List<GemmProbe.Shape> shapes = GemmProbe.shapes(List.of(128, 1024));
        assertEquals(16, shapes.size());
        assertEquals(List.of("fwd 784x512 b128", "dW 784x512 b128", "fwd 512x512 b128", "dW 512x512 b128", "dX 512x512 b128",
                "fwd 512x10 b128", "dW 512x10 b128", "dX 512x10 b128"), shapes.subList(0, 8).stream().map(GemmProbe.Shape::label).toList());
        // 2 FLOPs per multiply-add: the 8 products of a 128-example step are 3x the forward pass minus the first dX
        double step = shapes.subList(0, 8).stream().mapToDouble(GemmProbe.Shape::flops).sum();
        double forward = 2.0 * 128 * (784 * 512 + 512 * 512 + 512 * 10);
        assertEquals(3 * forward - 2.0 * 128 * 784 * 512, step, 1e-6);
        assertEquals("dX:1024:512:10", shapes.get(15).arg());
    }

    @Test
    void aboutTwoGflopOfCallsWithinBounds() {
        assertEquals(19, GemmProbe.calls(new GemmProbe.Shape("fwd", 128, 784, 512))); // 2e9 / 102.8e6
        assertEquals(1_526, GemmProbe.calls(new GemmProbe.Shape("fwd", 128, 512, 10)));
        assertEquals(4_000, GemmProbe.calls(new GemmProbe.Shape("fwd", 1, 10, 10)));
        assertEquals(10, GemmProbe.calls(new GemmProbe.Shape("fwd", 4096, 4096, 4096)));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, GemmProbe.median(new double[] {3, 1, 2}));
        assertEquals(2.5, GemmProbe.median(new double[] {4, 1, 2, 3}));
    }
}
