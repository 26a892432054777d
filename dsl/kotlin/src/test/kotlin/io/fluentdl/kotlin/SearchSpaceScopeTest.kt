package io.fluentdl.kotlin

import io.fluentdl.ModelSpec
import io.fluentdl.Sequential
import io.fluentdl.errors.InvalidConfigException
import io.fluentdl.layers.BnPlacement.AFTER_ACTIVATION
import io.fluentdl.nn.Activation
import io.fluentdl.nn.Activation.RELU
import io.fluentdl.nn.Activation.SIGMOID
import io.fluentdl.nn.Init.HE_UNIFORM
import io.fluentdl.nn.Loss.BINARY_CROSSENTROPY
import io.fluentdl.optim.Sgd
import io.fluentdl.search.Hp
import io.fluentdl.search.SearchSpace
import io.fluentdl.search.Trial
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class SearchSpaceScopeTest {

    private fun caseStudy(units: Int, block: io.fluentdl.kotlin.SequentialScope.() -> Unit): ModelSpec =
        sequential("bn-case-study") {
            input(2)
            dense(units, RELU, HE_UNIFORM)
            batchNorm()
            output(1, SIGMOID, BINARY_CROSSENTROPY)
            batchNormPlacement = AFTER_ACTIVATION
            block()
        }

    private val kotlinSpace = searchSpace("bn-search") {
        val units by intRange(16, 256)
        val lr by logUniform(1e-4, 1e-1)
        val momentum by oneMinusLogUniform(0.9, 0.999)
        model { trial -> caseStudy(trial[units]) { optimizer = sgd(trial[lr], nesterov = trial[momentum]) } }
    }

    private val units = Hp.intRange("units", 16, 256)
    private val lr = Hp.logUniform("lr", 1e-4, 1e-1)
    private val momentum = Hp.oneMinusLogUniform("momentum", 0.9, 0.999)
    private val javaSpace: SearchSpace<ModelSpec> = SearchSpace.named("bn-search")
        .params(units, lr, momentum)
        .model { trial ->
            Sequential.named("bn-case-study").input(2).dense(trial.get(units), RELU, HE_UNIFORM).batchNorm()
                .output(1, SIGMOID, BINARY_CROSSENTROPY).batchNormPlacement(AFTER_ACTIVATION)
                .optimizer(Sgd.of(trial.get(lr)).nesterov(trial.get(momentum))).build()
        }

    @Test
    fun hpsAreNamedAfterTheirPropertiesInOrder() {
        assertEquals(listOf(units, lr, momentum), kotlinSpace.params())
        assertEquals(javaSpace.params(), kotlinSpace.params())
    }

    @Test
    fun trialsBuildTheSameSpecsAsJava() {
        val fixed = mapOf<String, Any>("units" to 64, "lr" to 0.01, "momentum" to 0.99)
        assertEquals(javaSpace.build(javaSpace.trialWith(fixed)), kotlinSpace.build(kotlinSpace.trialWith(fixed)))
        assertEquals(javaSpace.build(javaSpace.midpointTrial()), kotlinSpace.build(kotlinSpace.midpointTrial()))
        assertEquals(javaSpace.build(Trial.fixed(units, 32, lr, 0.001, momentum, 0.9)),
            kotlinSpace.build(Trial.fixed(units, 32, lr, 0.001, momentum, 0.9)))
    }

    @Test
    fun everyFactoryDeclaresItsJavaHp() {
        val space = searchSpace<List<Any>>("all") {
            val a by uniform(0.0, 0.5)
            val b by intRange(0, 10, 2)
            val c by intLogRange(8, 512)
            val d by choice(Activation.RELU, Activation.TANH)
            val e by bool()
            val f by fixed(7)
            model { t -> listOf(t[a], t[b], t[c], t[d], t[e], t[f]) }
        }
        assertEquals(listOf(Hp.uniform("a", 0.0, 0.5), Hp.intRange("b", 0, 10, 2), Hp.intLogRange("c", 8, 512),
            Hp.choice("d", Activation.RELU, Activation.TANH), Hp.bool("e"), Hp.fixed("f", 7)), space.params())
    }

    @Test
    fun aSpaceWithoutModelSaysHowToFixIt() {
        val e = assertThrows<InvalidConfigException> { searchSpace<ModelSpec>("empty") { val lr by logUniform(1e-4, 1e-1) } }
        assertTrue(e.message!!.contains("End the block with model { trial -> sequential(...) { ... } }"), e.message)
    }

    @Test
    fun javaChecksFireAtTheDeclaration() {
        val e = assertThrows<InvalidConfigException> {
            searchSpace<ModelSpec>("bad") {
                val lr by logUniform(0.0, 0.1)
                model { error("never built") }
            }
        }
        assertTrue(e.message!!.startsWith("Hp 'lr'"), e.message)
    }

    @Test
    fun randomSearchIsTheJavaSearch() {
        val search = randomSearch(kotlinSpace, trials = 3, seed = 7)
        assertEquals(io.fluentdl.search.Search::class.java, search.javaClass)
    }
}
