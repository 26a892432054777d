package io.fluentdl.schedule;

import static io.fluentdl.schedule.ScheduleExamples.assertClose;

import org.junit.jupiter.api.Test;

class ExponentialDecayTest {

    @Test
    void multipliesByTheRateOncePerPeriodSmoothly() {
        ExponentialDecay lr = ExponentialDecay.of(0.01, 0.96, Period.iterations(1000));
        assertClose(0.01, lr.valueAt(0, 0), "t=0");
        assertClose(0.01 * Math.sqrt(0.96), lr.valueAt(500, 0), "t=T/2");
        assertClose(0.0096, lr.valueAt(1000, 0), "t=T");
        assertClose(0.01 * 0.96 * 0.96, lr.valueAt(2000, 0), "t=2T");
    }

    @Test
    void unitPeriodIsGammaToTheT() {
        ExponentialDecay lr = ExponentialDecay.of(0.1, 0.9, Period.epochs(1));
        assertClose(0.1 * Math.pow(0.9, 7), lr.valueAt(12345, 7), "epoch 7");
        assertClose(0.9, lr.gammaPerUnit(), "gamma");
    }
}
