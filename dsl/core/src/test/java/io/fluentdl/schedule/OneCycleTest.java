package io.fluentdl.schedule;

import static io.fluentdl.schedule.ScheduleExamples.assertClose;

import org.junit.jupiter.api.Test;

/** Smith &amp; Topin 2017; defaults and cosine annealing as PyTorch's OneCycleLR. */
class OneCycleTest {

    // max 1.0, T = 100, up for 30: a_0 = 1/25 = 0.04, a_min = 0.04 / 1e4 = 4e-6
    private final OneCycle cosine = OneCycle.max(1.0).over(Period.iterations(100));

    @Test
    void startsAtMaxOverDivFactor() {
        assertClose(0.04, cosine.valueAt(0, 0), "t=0");
        assertClose(0.04, cosine.startLearningRate(), "a_0");
    }

    @Test
    void peaksAtPctStartOfTheTotal() {
        assertClose(1.0, cosine.valueAt(30, 0), "t=0.3T");
        assertClose(0.52, cosine.valueAt(15, 0), "cosine midpoint of the rise");
        assertClose(1 + (0.04 - 1) * (1 + Math.cos(0.2 * Math.PI)) / 2, cosine.valueAt(6, 0), "t=6");
    }

    @Test
    void annealsToStartOverFinalDivFactorAtTheEnd() {
        assertClose(4e-6 + (1 - 4e-6) / 2, cosine.valueAt(65, 0), "cosine midpoint of the fall");
        assertClose(4e-6, cosine.valueAt(100, 0), "t=T");
        assertClose(4e-6, cosine.valueAt(500, 0), "t>T");
        assertClose(4e-6, cosine.finalLearningRate(), "a_min");
    }

    @Test
    void linearAnnealingIsStraight() {
        OneCycle linear = cosine.anneal(OneCycle.Anneal.LINEAR);
        assertClose(0.04 + 0.2 * 0.96, linear.valueAt(6, 0), "t=6");
        assertClose(1.0 - (44.0 / 70) * (1.0 - 4e-6), linear.valueAt(74, 0), "t=74");
    }

    @Test
    void momentumMirrorsTheRate() {
        assertClose(0.95, cosine.momentumAt(0, 0), "t=0");
        assertClose(0.90, cosine.momentumAt(15, 0), "mid-rise");
        assertClose(0.85, cosine.momentumAt(30, 0), "at the peak rate");
        assertClose(0.90, cosine.momentumAt(65, 0), "mid-fall");
        assertClose(0.95, cosine.momentumAt(100, 0), "t=T");
    }

    @Test
    void epochTotalCountsEpochs() {
        OneCycle byEpoch = OneCycle.max(0.1).over(Period.epochs(10)).pctStart(0.5).divFactor(10).finalDivFactor(100);
        assertClose(0.01, byEpoch.valueAt(12345, 0), "epoch 0");
        assertClose(0.1, byEpoch.valueAt(0, 5), "epoch 5");
        assertClose(1e-4, byEpoch.valueAt(0, 10), "epoch 10");
    }
}
