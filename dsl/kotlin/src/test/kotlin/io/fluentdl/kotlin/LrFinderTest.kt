package io.fluentdl.kotlin

import io.fluentdl.Model
import io.fluentdl.lrfinder.LrRangeTest
import io.fluentdl.nn.Activation.RELU
import io.fluentdl.nn.Activation.SIGMOID
import io.fluentdl.nn.Loss.BINARY_CROSSENTROPY
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class LrFinderTest {

    private val model = Model.of(sequential("tiny") { input(2); dense(4, RELU); output(1, SIGMOID, BINARY_CROSSENTROPY) })

    @Test
    fun defaultsAreJavas() {
        assertEquals(LrRangeTest.on(model).toString(), lrRangeTest(model).toString())
    }

    @Test
    fun namedArgumentsSetTheJavaFields() {
        assertEquals(LrRangeTest.on(model).from(1e-5).to(1.0).iterations(50).smoothing(0.9).divergeFactor(5.0).toString(),
            lrRangeTest(model, from = 1e-5, to = 1.0, iterations = 50, smoothing = 0.9, divergeFactor = 5.0).toString())
    }
}
