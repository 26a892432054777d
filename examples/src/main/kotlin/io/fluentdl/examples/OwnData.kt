@file:JvmName("OwnDataKotlin")

package io.fluentdl.examples

import io.fluentdl.Model
import io.fluentdl.ModelSpec
import io.fluentdl.data.CsvOptions
import io.fluentdl.data.Dataset
import io.fluentdl.kotlin.adam
import io.fluentdl.kotlin.sequential
import io.fluentdl.nn.Activation.RELU
import io.fluentdl.nn.Activation.SOFTMAX
import io.fluentdl.nn.Init.HE_UNIFORM
import io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY

// Your own data from a CSV file (Fisher's Iris, shipped), split, normalised and trained on;
// Kotlin twin of OwnData.java (same constants).

/** An MLP for [features] measurements and [classes] classes: one hidden layer of 16 ReLU units. */
fun ownDataSpec(features: Int, classes: Int): ModelSpec = sequential("own-data") {
    input(features)
    dense(16, RELU, HE_UNIFORM)
    output(classes, SOFTMAX, CATEGORICAL_CROSSENTROPY)
    optimizer = adam(0.01)
    seed = 42
}

fun main(args: Array<String>) {
    val options = ExampleArgs.parse(*args)
    // 1. Data: a CSV file; the label column holds class names, every other column is a number
    val flowers = options.data()?.let { Dataset.fromCsv(it, OwnData.lastColumn(options), CsvOptions.defaults()) }
        ?: OwnData.iris()
    println("${flowers.size()} examples, features ${flowers.featureNames()}, classes ${flowers.classNames()}")
    // 2. Split (shuffled with a seed), then standardise both sides with the training set's statistics
    val data = flowers.split(0.8, 42).normalize()
    // 3. Model: one hidden layer, softmax over the classes
    val spec = ownDataSpec(flowers.numFeatures(), flowers.numLabelColumns())
    println(spec.summary())
    // 4. Train, measuring the held-out set after every epoch; report the last epoch
    val history = Model.of(spec).fit(data.train(), options.epochs(OwnData.QUICK_EPOCHS, OwnData.EPOCHS),
        OwnData.BATCH_SIZE, data.test())
    println("after %d epochs: train accuracy %.3f, test accuracy %.3f (%d test examples)".format(
        history.epochs().size, history.last().trainAccuracy(), history.last().validationAccuracy(), data.test().size()))
}
