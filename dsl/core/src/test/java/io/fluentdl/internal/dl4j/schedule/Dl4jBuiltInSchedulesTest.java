package io.fluentdl.internal.dl4j.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.CycleSchedule;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.RampSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Pins what DL4J M2.1's own schedules really do, so nobody reaches for them by their names. If one of
 * these fails after an upgrade, DL4J changed behaviour: re-read its source before touching ours.
 */
class Dl4jBuiltInSchedulesTest {

    @Test
    void polyScheduleRisesThenDropsToZeroItIsNotADecay() {
        PolySchedule poly = new PolySchedule(ScheduleType.ITERATION, 0.1, 2.0, 100);
        assertEquals(0.1, poly.valueAt(0, 0), 1e-15);
        assertEquals(0.1 * 1.5 * 1.5, poly.valueAt(50, 0), 1e-15);   // init·(1 + i/max)^p RISES: 0.225 at half-way
        assertEquals(0.1 * 1.99 * 1.99, poly.valueAt(99, 0), 1e-15); // ~4× the start just before the end
        assertEquals(0.0, poly.valueAt(100, 0));                     // then 0 from maxIter on
        assertEquals(0.0, poly.valueAt(1000, 0));
    }

    @Test
    void cycleScheduleIsOneCycleWithATenfoldPerStepTailAndThenRepeats() {
        // CycleSchedule(type, max, cycleLength): initial = max/10, annealing = 10% of the cycle, decay 0.1
        CycleSchedule cycle = new CycleSchedule(ScheduleType.ITERATION, 0.1, 100);
        assertEquals(45, cycle.getStepSize());                        // (100 − 10) / 2
        assertEquals(0.01, cycle.valueAt(0, 0), 1e-15);               // starts at max/10
        assertEquals(0.01 + 0.002 * 20, cycle.valueAt(20, 0), 1e-15); // linear up, +0.002 per step
        assertEquals(0.1, cycle.valueAt(45, 0), 1e-15);               // max at 45, not at 50
        assertEquals(0.1 - 0.002 * 30, cycle.valueAt(75, 0), 1e-15);  // linear down
        assertEquals(0.01, cycle.valueAt(90, 0), 1e-15);              // tail starts back at max/10 ...
        assertEquals(0.01 * 1e-9, cycle.valueAt(99, 0), 1e-25);       // ... and divides by 10 EVERY step: 1e-11
        assertEquals(0.01, cycle.valueAt(100, 0), 1e-15);             // then it starts over (position = i % cycleLength)
    }

    @Test
    void cycleScheduleSurvivesNetworkJson() {
        CycleSchedule cycle = new CycleSchedule(ScheduleType.ITERATION, 0.1, 100);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(
                Dl4jJsonRoundTripTest.tinyNet(new Sgd(cycle)).toJson());
        assertEquals(cycle, ((Sgd) Dl4jJsonRoundTripTest.updaterOf(back, 0)).getLearningRateSchedule());
    }

    @Test
    void rampScheduleStartsAtOneOverNOfTheBaseAndDoesNotShiftItsClock() {
        RampSchedule ramp = new RampSchedule(new FixedSchedule(0.1), 10);
        assertEquals(0.01, ramp.valueAt(0, 0), 1e-15);                // (i + 1)/n · base: never starts from 0 or a chosen value
        assertEquals(0.05, ramp.valueAt(4, 0), 1e-15);
        assertEquals(0.1, ramp.valueAt(9, 0), 1e-15);
    }

    @Test
    void rampScheduleDoesNotSurviveNetworkJson() {
        // no @JsonProperty constructor and no getters: it is written as {"@class": ...} and cannot be read back
        String json = Dl4jJsonRoundTripTest.tinyNet(new Sgd(new RampSchedule(new FixedSchedule(0.1), 10))).toJson();
        RuntimeException e = assertThrows(RuntimeException.class, () -> MultiLayerConfiguration.fromJson(json));
        assertTrue(String.valueOf(e.getMessage()).contains("RampSchedule"), e::getMessage);
    }
}
