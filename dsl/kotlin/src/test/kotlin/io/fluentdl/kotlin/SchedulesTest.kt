package io.fluentdl.kotlin

import io.fluentdl.schedule.CosineRestarts
import io.fluentdl.schedule.Cyclical
import io.fluentdl.schedule.ExponentialDecay
import io.fluentdl.schedule.InverseTimeDecay
import io.fluentdl.schedule.LinearDecay
import io.fluentdl.schedule.OneCycle
import io.fluentdl.schedule.Period
import io.fluentdl.schedule.PolynomialDecay
import io.fluentdl.schedule.StepDecay
import io.fluentdl.schedule.Warmup
import io.fluentdl.errors.InvalidConfigException
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class SchedulesTest {

    @Test
    fun periodsEqualJava() {
        assertEquals(Period.iterations(100), iterations(100))
        assertEquals(Period.iterations(5_000_000_000), iterations(5_000_000_000))
        assertEquals(Period.epochs(3), epochs(3))
    }

    @Test
    fun cosineRestartsEqualsJava() {
        assertEquals(CosineRestarts.peak(1e-3).firstPeriod(Period.iterations(200)),
            cosineRestarts(peak = 1e-3, firstPeriod = iterations(200)))
        assertEquals(
            CosineRestarts.peak(1e-3).firstPeriod(Period.epochs(2)).periodMultiplier(1.0).peakMultiplier(0.5).minLearningRate(1e-5),
            cosineRestarts(1e-3, epochs(2), periodMultiplier = 1.0, peakMultiplier = 0.5, minLearningRate = 1e-5))
    }

    @Test
    fun theOthersEqualJava() {
        assertEquals(OneCycle.max(0.1).over(Period.epochs(10)), oneCycle(0.1, epochs(10)))
        assertEquals(OneCycle.max(0.1).over(Period.epochs(10)).pctStart(0.25).anneal(OneCycle.Anneal.LINEAR).momentum(0.8, 0.9),
            oneCycle(0.1, epochs(10), pctStart = 0.25, anneal = OneCycle.Anneal.LINEAR, baseMomentum = 0.8, maxMomentum = 0.9))
        assertEquals(Warmup.linear(Period.iterations(100)).then(0.1), warmup(iterations(100), 0.1))
        assertEquals(Warmup.linear(Period.iterations(100), 1e-4).then(ExponentialDecay.of(0.1, 0.5, Period.iterations(1000))),
            warmup(iterations(100), exponentialDecay(0.1, 0.5, iterations(1000)), from = 1e-4))
        assertEquals(StepDecay.of(0.1, 0.5, Period.epochs(10)), stepDecay(0.1, 0.5, epochs(10)))
        assertEquals(InverseTimeDecay.of(0.1, 0.5, Period.epochs(1)).power(2.0), inverseTimeDecay(0.1, 0.5, epochs(1), power = 2.0))
        assertEquals(LinearDecay.of(0.1, 0.001, Period.epochs(50)), linearDecay(0.1, 0.001, epochs(50)))
        assertEquals(PolynomialDecay.of(0.1, 0.001, Period.epochs(50)), polynomialDecay(0.1, 0.001, epochs(50)))
        assertEquals(Cyclical.triangular(1e-4, 1e-2, Period.iterations(500)), triangular(1e-4, 1e-2, iterations(500)))
        assertEquals(Cyclical.triangular2(1e-4, 1e-2, Period.iterations(500)), triangular2(1e-4, 1e-2, iterations(500)))
        assertEquals(Cyclical.expRange(1e-4, 1e-2, Period.iterations(500), 0.999), expRange(1e-4, 1e-2, iterations(500), 0.999))
    }

    @Test
    fun schedulesPlugIntoTheOptimizers() {
        val lr = cosineRestarts(peak = 1e-3, firstPeriod = iterations(100), minLearningRate = 1e-5)
        assertEquals(io.fluentdl.optim.Adam.of(lr), adam(lr))
        assertEquals(io.fluentdl.optim.Sgd.of(lr).nesterov(0.9), sgd(lr, nesterov = 0.9))
    }

    @Test
    fun javaChecksApply() {
        val e = assertThrows<InvalidConfigException> { cosineRestarts(1e-3, iterations(10), minLearningRate = 1e-2) }
        assertEquals("minLearningRate", e.problems().single().parameter())
    }
}
