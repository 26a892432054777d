package io.fluentdl.schedule;

import static io.fluentdl.schedule.ScheduleExamples.assertClose;

import org.junit.jupiter.api.Test;

class InverseTimeDecayTest {

    @Test
    void kerasFormIsInitialOverOnePlusRateTimesTOverT() {
        InverseTimeDecay lr = InverseTimeDecay.of(0.1, 0.5, Period.iterations(10));
        assertClose(0.1, lr.valueAt(0, 0), "t=0");
        assertClose(0.1 / 1.5, lr.valueAt(10, 0), "t=T");
        assertClose(0.1 / 2.0, lr.valueAt(20, 0), "t=2T");
        assertClose(0.1 / 1.25, lr.valueAt(5, 0), "t=T/2");
    }

    @Test
    void caffeFormRaisesTheDenominatorToThePower() {
        InverseTimeDecay lr = InverseTimeDecay.of(0.01, 1e-4, Period.iterations(1)).power(0.75);
        assertClose(0.01 / Math.pow(1 + 1e-4 * 10_000, 0.75), lr.valueAt(10_000, 3), "t=10000");
        assertClose(1e-4, lr.gammaPerUnit(), "gamma");
    }
}
