package io.fluentdl.schedule;

import static io.fluentdl.schedule.ScheduleExamples.assertClose;

import org.junit.jupiter.api.Test;

/** Smith 2017, "Cyclical Learning Rates for Training Neural Networks", section 3.1 and the triangular2/exp_range policies. */
class CyclicalTest {

    private static final double BASE = 0.001;
    private static final double MAX = 0.006;
    private static final Period HALF = Period.iterations(10);

    @Test
    void triangularRisesToMaxAtHalfCycleAndReturns() {
        Cyclical lr = Cyclical.triangular(BASE, MAX, HALF);
        assertClose(BASE, lr.valueAt(0, 0), "start");
        assertClose(BASE + 0.5 * (MAX - BASE), lr.valueAt(5, 0), "quarter");
        assertClose(MAX, lr.valueAt(10, 0), "half cycle");
        assertClose(BASE + 0.5 * (MAX - BASE), lr.valueAt(15, 0), "three quarters");
        assertClose(BASE, lr.valueAt(20, 0), "cycle end");
        assertClose(MAX, lr.valueAt(30, 0), "second peak, same height");
    }

    @Test
    void triangular2HalvesTheAmplitudeEachCycle() {
        Cyclical lr = Cyclical.triangular2(BASE, MAX, HALF);
        assertClose(MAX, lr.valueAt(10, 0), "peak 1");
        assertClose(BASE, lr.valueAt(20, 0), "cycle 1 end");
        assertClose(BASE + (MAX - BASE) / 2, lr.valueAt(30, 0), "peak 2");
        assertClose(BASE + (MAX - BASE) / 4, lr.valueAt(50, 0), "peak 3");
        assertClose(BASE + 0.5 * (MAX - BASE) / 4, lr.valueAt(45, 0), "cycle 3, quarter");
    }

    @Test
    void expRangeShrinksTheAmplitudeByGammaPerUnit() {
        Cyclical lr = Cyclical.expRange(BASE, MAX, HALF, 0.99);
        assertClose(BASE, lr.valueAt(0, 0), "start");
        assertClose(BASE + (MAX - BASE) * Math.pow(0.99, 10), lr.valueAt(10, 0), "peak 1");
        assertClose(BASE + (MAX - BASE) * Math.pow(0.99, 30), lr.valueAt(30, 0), "peak 2");
        assertClose(BASE + 0.5 * (MAX - BASE) * Math.pow(0.99, 25), lr.valueAt(25, 0), "cycle 2, quarter");
    }

    @Test
    void epochStepSizeCountsEpochs() {
        Cyclical lr = Cyclical.triangular(BASE, MAX, Period.epochs(2));
        assertClose(MAX, lr.valueAt(0, 2), "epoch 2");
        assertClose(BASE + 0.5 * (MAX - BASE), lr.valueAt(999, 3), "epoch 3");
    }
}
