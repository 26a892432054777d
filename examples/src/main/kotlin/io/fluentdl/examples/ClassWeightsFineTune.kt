@file:JvmName("ClassWeightsFineTuneKotlin")

package io.fluentdl.examples

import io.fluentdl.Model
import io.fluentdl.ModelSpec
import io.fluentdl.data.Circles
import io.fluentdl.kotlin.adam
import io.fluentdl.kotlin.sequential
import io.fluentdl.nn.Activation.RELU
import io.fluentdl.nn.Activation.SIGMOID
import io.fluentdl.nn.Init.HE_UNIFORM
import io.fluentdl.nn.Loss.BINARY_CROSSENTROPY
import io.fluentdl.train.Evaluation

// Class weights on imbalanced make_circles, then fine-tuning with frozen layers; Kotlin twin of
// ClassWeightsFineTune.java (same data, constants and steps).

/** Dense(32) → BN → Dense(16) → one sigmoid unit, Adam 0.01. */
fun classWeightsSpec(): ModelSpec = sequential("class-weights") {
    input(2)
    dense(32, RELU, HE_UNIFORM)
    batchNorm()
    dense(16, RELU, HE_UNIFORM)
    output(1, SIGMOID, BINARY_CROSSENTROPY)
    optimizer = adam(0.01)
    seed = 7
}

private fun report(what: String, e: Evaluation) =
    println("%-36s test accuracy %.3f, class-1 recall %.3f, class-1 precision %.3f".format(
        what, e.accuracy(), e.metric("recall"), e.metric("precision")))

fun main(args: Array<String>) {
    val options = ExampleArgs.parse(*args)
    val epochs = options.epochs(ClassWeightsFineTune.QUICK_EPOCHS, ClassWeightsFineTune.EPOCHS)
    val n = ClassWeightsFineTune.POINTS
    val train = ClassWeightsFineTune.imbalanced(Circles.points(n, 0.1, 1), 0, n / 2)
    val test = Circles.dataset(n, 0.1, 1).slice(n / 2, n)
    val ones = Model.labels(train).dup().data().asFloat().sum().toDouble()
    val ratio = (train.size() - ones) / ones
    println("training set: %d points, %.0f of class 1 (%.1f%%)".format(train.size(), ones, 100 * ones / train.size()))

    val plain = Model.of(classWeightsSpec())
    plain.fit(train, epochs, ClassWeightsFineTune.BATCH_SIZE)
    val weighted = Model.of(classWeightsSpec()).classWeight(mapOf(0 to 1.0, 1 to ratio))
    weighted.fit(train, epochs, ClassWeightsFineTune.BATCH_SIZE)
    report("unweighted", plain.evaluate(test))
    report("classWeight {0: 1, 1: %.1f}".format(ratio), weighted.evaluate(test))

    val tuned = weighted.freeze("dense_1", "batch_norm_1")
    println(tuned.spec().summary())
    val before = tuned.network().getLayer(0).params().dup().data().asFloat()
    tuned.fit(train, epochs, ClassWeightsFineTune.BATCH_SIZE)
    val unchanged = before.contentEquals(tuned.network().getLayer(0).params().dup().data().asFloat())
    report("fine-tuned above the frozen layers", tuned.evaluate(test))
    println("dense_1 weights unchanged by fine-tuning: $unchanged")
}
