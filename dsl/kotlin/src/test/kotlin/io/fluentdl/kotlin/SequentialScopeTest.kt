package io.fluentdl.kotlin

import io.fluentdl.Sequential
import io.fluentdl.errors.InvalidConfigException
import io.fluentdl.layers.BnPlacement.AFTER_ACTIVATION
import io.fluentdl.layers.BnPlacement.BEFORE_ACTIVATION
import io.fluentdl.nn.Activation.RELU
import io.fluentdl.nn.Activation.SIGMOID
import io.fluentdl.nn.Activation.SOFTMAX
import io.fluentdl.nn.Init.HE_UNIFORM
import io.fluentdl.nn.Loss.BINARY_CROSSENTROPY
import io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY
import io.fluentdl.optim.Sgd
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class SequentialScopeTest {

    private val javaCaseStudy = Sequential.named("bn-case-study")
        .input(2)
        .dense(50, RELU, HE_UNIFORM)
        .batchNorm()
        .output(1, SIGMOID, BINARY_CROSSENTROPY)
        .batchNormPlacement(BEFORE_ACTIVATION)
        .optimizer(Sgd.of(0.01).momentum(0.9))
        .seed(1)
        .build()

    private val kotlinCaseStudy = sequential("bn-case-study") {
        input(2)
        dense(50, RELU, HE_UNIFORM)
        batchNorm()
        output(1, SIGMOID, BINARY_CROSSENTROPY)
        batchNormPlacement = BEFORE_ACTIVATION
        optimizer = sgd(0.01, momentum = 0.9)
        seed = 1
    }

    @Test
    fun caseStudyEqualsItsJavaTwin() {
        assertEquals(javaCaseStudy, kotlinCaseStudy)
    }

    @Test
    fun defaultsAreTheJavaDefaults() {
        val kotlin = sequential("defaults") {
            input(4)
            dense(8, RELU)
            output(2, SOFTMAX, CATEGORICAL_CROSSENTROPY)
        }
        val java = Sequential.named("defaults").input(4).dense(8, RELU).output(2, SOFTMAX, CATEGORICAL_CROSSENTROPY).build()
        assertEquals(java, kotlin)
    }

    @Test
    fun namedArgumentsEqualJavaOptionLambdas() {
        val kotlin = sequential("options") {
            input(3)
            inputBatchNorm(epsilon = 1e-5)
            dense(16, RELU, HE_UNIFORM, useBias = true, l2 = 1e-4, name = "hidden")
            batchNorm(momentum = 0.0, center = false, scale = false)
            dropout(0.2)
            dense(8, RELU, l1 = 1e-5, weightDecay = 1e-3)
            activation(RELU)
            output(1, SIGMOID, BINARY_CROSSENTROPY, HE_UNIFORM, useBias = false, l2 = 1e-3)
        }
        val java = Sequential.named("options")
            .input(3)
            .inputBatchNorm { it.epsilon(1e-5) }
            .dense(16, RELU, HE_UNIFORM) { it.useBias(true).l2(1e-4).name("hidden") }
            .batchNorm { it.momentum(0.0).center(false).scale(false) }
            .dropout(0.2)
            .dense(8, RELU, io.fluentdl.nn.Init.KERAS_DEFAULT) { it.l1(1e-5).weightDecay(1e-3) }
            .activation(RELU)
            .output(1, SIGMOID, BINARY_CROSSENTROPY, HE_UNIFORM) { it.useBias(false).l2(1e-3) }
            .build()
        assertEquals(java, kotlin)
    }

    @Test
    fun variantEqualsToBuilder() {
        val kotlin = kotlinCaseStudy.variant {
            name = "after"
            batchNormPlacement = AFTER_ACTIVATION
        }
        val java = javaCaseStudy.toBuilder().name("after").batchNormPlacement(AFTER_ACTIVATION).build()
        assertEquals(java, kotlin)
    }

    @Test
    fun javaChecksFireAtTheKotlinCall() {
        val kotlin = assertThrows<InvalidConfigException> { sequential("bad") { input(2); dense(0, RELU) } }
        val java = assertThrows<InvalidConfigException> { Sequential.named("bad").input(2).dense(0, RELU) }
        assertEquals(java.message, kotlin.message)
        assertEquals("units", kotlin.problems().single().parameter())
    }

    @Test
    fun crossLayerRulesAreCheckedAtTheEndOfTheBlock() {
        val e = assertThrows<InvalidConfigException> { sequential("no-output") { input(2); dense(4, RELU) } }
        val java = assertThrows<InvalidConfigException> { Sequential.named("no-output").input(2).dense(4, RELU).build() }
        assertEquals(java.message, e.message)
    }

    @Test
    fun freezeIsJavasFreeze() {
        val java = javaCaseStudy.toBuilder().freeze("dense_1").build()
        val kotlin = kotlinCaseStudy.variant { freeze("dense_1") }
        assertEquals(java, kotlin)
        assertEquals(listOf("dense_1"), kotlin.frozen())
        val e = assertThrows<InvalidConfigException> { kotlinCaseStudy.variant { freeze("dense_7") } }
        assert(e.message!!.contains("got name=dense_7")) { e.message!! }
        val byOption = sequential("bn-case-study") {
            input(2)
            dense(50, RELU, HE_UNIFORM, trainable = false)
            batchNorm(trainable = false)
            output(1, SIGMOID, BINARY_CROSSENTROPY)
            batchNormPlacement = BEFORE_ACTIVATION
            optimizer = sgd(0.01, momentum = 0.9)
            seed = 1
        }
        assertEquals(javaCaseStudy.toBuilder().freeze("dense_1", "batch_norm_1").build(), byOption)
    }
}
