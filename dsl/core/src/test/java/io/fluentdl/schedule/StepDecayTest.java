package io.fluentdl.schedule;

import static io.fluentdl.schedule.ScheduleExamples.assertClose;

import org.junit.jupiter.api.Test;

class StepDecayTest {

    private final StepDecay everyTen = StepDecay.of(0.1, 0.5, Period.iterations(10));

    @Test
    void holdsUntilTheFirstDrop() {
        assertClose(0.1, everyTen.valueAt(0, 0), "t=0");
        assertClose(0.1, everyTen.valueAt(9, 0), "t=9");
    }

    @Test
    void dropsByTheFactorAtEachMultipleOfTheStep() {
        assertClose(0.05, everyTen.valueAt(10, 0), "t=10");
        assertClose(0.025, everyTen.valueAt(25, 3), "t=25");
        assertClose(0.1 * Math.pow(0.5, 10), everyTen.valueAt(100, 9), "t=100");
    }

    @Test
    void epochUnitIgnoresIterations() {
        StepDecay byEpoch = StepDecay.of(0.1, 0.1, Period.epochs(30));
        assertClose(0.1, byEpoch.valueAt(100_000, 29), "epoch 29");
        assertClose(0.01, byEpoch.valueAt(0, 30), "epoch 30");
    }
}
