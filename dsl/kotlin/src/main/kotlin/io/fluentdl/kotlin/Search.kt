package io.fluentdl.kotlin

import io.fluentdl.errors.InvalidConfigException
import io.fluentdl.search.GridSearch
import io.fluentdl.search.Hp
import io.fluentdl.search.RandomSearch
import io.fluentdl.search.Search
import io.fluentdl.search.SearchSpace
import io.fluentdl.search.Trial
import kotlin.properties.ReadOnlyProperty
import kotlin.reflect.KProperty

/**
 * A hyperparameter search space, define-by-run, with each Hp named after its property:
 *
 * ```kotlin
 * val space = searchSpace("bn-search") {
 *     val units by intRange(16, 256)
 *     val lr by logUniform(1e-4, 1e-1)
 *     val momentum by oneMinusLogUniform(0.9, 0.999)
 *     model { trial -> caseStudy(trial[units]) { optimizer = sgd(trial[lr], nesterov = trial[momentum]) } }
 * }
 * ```
 * Java: `SearchSpace.named(name).params(units, lr, momentum).model(template)`, with the same checks
 * (ranges at each declaration, the template dry-run at its midpoint when the block ends).
 */
fun <T> searchSpace(name: String, block: SearchSpaceScope<T>.() -> Unit): SearchSpace<T> =
    SearchSpaceScope<T>(name).apply(block).build()

/**
 * The receiver of [searchSpace]: declares Hps with `val x by logUniform(...)` (in the order written) and
 * the model template with [model]. Each declaration is one call of the Java [Hp] factory of that name.
 */
@FluentDlDsl
class SearchSpaceScope<T> internal constructor(private val name: String) {

    private val params = mutableListOf<Hp<*>>()
    private var template: ((Trial) -> T)? = null

    /** Names an Hp after the property it is delegated to: `val lr by logUniform(1e-4, 1e-1)` gives Hp 'lr'. */
    inner class Declaration<V> internal constructor(private val factory: (String) -> Hp<V>) {
        operator fun provideDelegate(thisRef: Any?, property: KProperty<*>): ReadOnlyProperty<Any?, Hp<V>> {
            val hp = factory(property.name)
            params += hp
            return ReadOnlyProperty { _, _ -> hp }
        }
    }

    /** A real value, uniform in [low, high] (dropout rate). Java: [Hp.uniform]. */
    fun uniform(low: Double, high: Double) = Declaration { Hp.uniform(it, low, high) }

    /** Real values low, low + step, ..., high, each equally likely. Java: [Hp.uniform] with a step. */
    fun uniform(low: Double, high: Double, step: Double) = Declaration { Hp.uniform(it, low, high, step) }

    /** A real value whose log10 is uniform (learning rates, weight decay). Java: [Hp.logUniform]. */
    fun logUniform(low: Double, high: Double) = Declaration { Hp.logUniform(it, low, high) }

    /** An averaging constant β whose 1 − β is log-uniform (momentum, Adam's β2, BN momentum). Java: [Hp.oneMinusLogUniform]. */
    fun oneMinusLogUniform(low: Double, high: Double) = Declaration { Hp.oneMinusLogUniform(it, low, high) }

    /** Integers low..high, each equally likely. Java: [Hp.intRange]. */
    fun intRange(low: Int, high: Int) = Declaration { Hp.intRange(it, low, high) }

    /** Integers low, low + step, ..., high. Java: [Hp.intRange]. */
    fun intRange(low: Int, high: Int, step: Int) = Declaration { Hp.intRange(it, low, high, step) }

    /** Integers whose log is uniform (layer widths). Java: [Hp.intLogRange]. */
    fun intLogRange(low: Int, high: Int) = Declaration { Hp.intLogRange(it, low, high) }

    /** One of the values, each equally likely. Java: [Hp.choice]. */
    fun <V> choice(vararg values: V) = Declaration { Hp.choice(it, *values) }

    /** True or false. Java: [Hp.bool]. */
    fun bool() = Declaration { Hp.bool(it) }

    /** A fixed value, recorded with the trial but not searched. Java: [Hp.fixed]. */
    fun <V> fixed(value: V) = Declaration { Hp.fixed(it, value) }

    /** The model template: builds one trial's model from `trial[hp]` values. Required, once. */
    fun model(template: (Trial) -> T) {
        this.template = template
    }

    internal fun build(): SearchSpace<T> {
        val template = this.template ?: throw InvalidConfigException.of(
            String.format("SearchSpace '%s'", name), "model", null,
            "the block must say how to build a trial's model, got no model { trial -> ... }",
            "End the block with model { trial -> sequential(...) { ... } }",
        )
        return SearchSpace.named(name).params(*params.toTypedArray()).model(template)
    }
}

/**
 * A random search over `space`: `randomSearch(space, trials = 50, seed = 7).maximize().objective { ... }.run()`.
 * Java: `RandomSearch.over(space).trials(trials).seed(seed)`; the rest of the chain is the Java [Search].
 */
fun <T> randomSearch(space: SearchSpace<T>, trials: Int = Search.DEFAULT_TRIALS, seed: Long = Search.DEFAULT_SEED): Search<T> =
    RandomSearch.over(space).trials(trials).seed(seed)

/** A grid search, `pointsPerAxis` points on each real axis, the whole grid; see [randomSearch]. Java: [GridSearch.over]. */
fun <T> gridSearch(space: SearchSpace<T>, pointsPerAxis: Int): Search<T> = GridSearch.over(space, pointsPerAxis)
