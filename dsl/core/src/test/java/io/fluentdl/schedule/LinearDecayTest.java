package io.fluentdl.schedule;

import static io.fluentdl.schedule.ScheduleExamples.assertClose;

import org.junit.jupiter.api.Test;

class LinearDecayTest {

    // a_t = (1 - t/tau) a_0 + (t/tau) a_tau, a_tau after tau (the lecture's formula)
    private final LinearDecay lr = LinearDecay.of(0.1, 0.001, Period.epochs(50));

    @Test
    void startsAtTheInitialRate() {
        assertClose(0.1, lr.valueAt(0, 0), "t=0");
    }

    @Test
    void isTheAverageHalfWay() {
        assertClose(0.5 * 0.1 + 0.5 * 0.001, lr.valueAt(999, 25), "t=tau/2");
        assertClose(0.9 * 0.1 + 0.1 * 0.001, lr.valueAt(0, 5), "t=tau/10");
    }

    @Test
    void reachesAndStaysAtTheFloor() {
        assertClose(0.001, lr.valueAt(0, 50), "t=tau");
        assertClose(0.001, lr.valueAt(0, 80), "t>tau");
    }
}
