package io.fluentdl.schedule;

import static io.fluentdl.schedule.ScheduleExamples.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WarmupTest {

    private final StepDecay step = StepDecay.of(0.1, 0.5, Period.iterations(100));
    private final Warmup warm = Warmup.linear(Period.iterations(10), 0.0).then(step);

    @Test
    void rampsLinearlyFromTheStartValueToTheScheduleFirstValue() {
        assertClose(0.0, warm.valueAt(0, 0), "t=0");
        assertClose(0.05, warm.valueAt(5, 0), "t=W/2");
        assertClose(0.09, warm.valueAt(9, 0), "t=W-1");
    }

    @Test
    void wrappedClockStartsWhenWarmupEnds() {
        assertClose(step.valueAt(0, 0), warm.valueAt(10, 0), "t=W is after(0)");
        assertClose(0.1, warm.valueAt(109, 0), "after(99)");
        assertClose(0.05, warm.valueAt(110, 0), "after(100): the first drop comes W later");
    }

    @Test
    void rampsFromANonZeroStart() {
        Warmup w = Warmup.linear(Period.iterations(10), 0.01).then(0.1);
        assertClose(0.01 + 0.5 * 0.09, w.valueAt(5, 0), "t=W/2");
        assertClose(0.1, w.valueAt(500, 2), "fixed after");
    }

    @Test
    void epochWarmupShiftsTheEpochClock() {
        CosineRestarts cosine = CosineRestarts.peak(0.1).firstPeriod(Period.epochs(4)).periodMultiplier(1.0);
        Warmup w = Warmup.linear(Period.epochs(2)).then(cosine);
        assertEquals(Warmup.DEFAULT_FROM, w.valueAt(0, 0));
        assertClose(0.05, w.valueAt(99, 1), "epoch 1");
        assertClose(cosine.valueAt(0, 1), w.valueAt(0, 3), "epoch 3 is the cosine's epoch 1");
        assertClose(0.1, w.valueAt(0, 6), "the cosine restarts 4 epochs after warm-up");
    }
}
