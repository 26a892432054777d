package io.fluentdl.kotlin

import io.fluentdl.errors.InvalidConfigException
import io.fluentdl.optim.AdaDelta
import io.fluentdl.optim.AdaGrad
import io.fluentdl.optim.Adam
import io.fluentdl.optim.RmsProp
import io.fluentdl.optim.Sgd
import io.fluentdl.schedule.LearningRate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class OptimizersTest {

    @Test
    fun sgdEqualsJava() {
        assertEquals(Sgd.defaults(), sgd())
        assertEquals(Sgd.of(0.1), sgd(0.1))
        assertEquals(Sgd.of(0.01).momentum(0.9), sgd(0.01, momentum = 0.9))
        assertEquals(Sgd.of(0.01).nesterov(0.9), sgd(0.01, nesterov = 0.9))
        assertEquals(Sgd.of(LearningRate.constant(0.2)).nesterov(0.5), sgd(constant(0.2), nesterov = 0.5))
    }

    @Test
    fun sgdRefusesBothMomentumKinds() {
        val e = assertThrows<InvalidConfigException> { sgd(0.01, momentum = 0.9, nesterov = 0.9) }
        assertEquals("nesterov", e.problems().single().parameter())
        assertTrue(e.message!!.contains("got momentum=0.9, nesterov=0.9"), e.message)
    }

    @Test
    fun adamEqualsJava() {
        assertEquals(Adam.defaults(), adam())
        assertEquals(Adam.of(3e-4), adam(3e-4))
        assertEquals(Adam.of(1e-3).beta2(0.99).epsilon(1e-8).variant(Adam.Variant.AMSGRAD),
            adam(1e-3, beta2 = 0.99, epsilon = 1e-8, variant = Adam.Variant.AMSGRAD))
        assertEquals(Adam.of(LearningRate.constant(0.01)).beta1(0.8), adam(constant(0.01), beta1 = 0.8))
    }

    @Test
    fun othersEqualJava() {
        assertEquals(RmsProp.defaults(), rmsProp())
        assertEquals(RmsProp.of(0.01).rho(0.95), rmsProp(0.01, rho = 0.95))
        assertEquals(AdaGrad.defaults(), adaGrad())
        assertEquals(AdaGrad.of(0.1).epsilon(1e-6), adaGrad(0.1, epsilon = 1e-6))
        assertEquals(AdaDelta.defaults(), adaDelta())
        assertEquals(AdaDelta(0.9, 1e-6), adaDelta(rho = 0.9))
    }

    @Test
    fun javaRangeChecksApply() {
        val e = assertThrows<InvalidConfigException> { adam(1e-3, beta1 = 1.0) }
        assertEquals("beta1", e.problems().single().parameter())
    }
}
