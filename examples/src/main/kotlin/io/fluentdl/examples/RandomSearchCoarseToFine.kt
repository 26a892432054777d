@file:JvmName("RandomSearchCoarseToFineKotlin")

package io.fluentdl.examples

import io.fluentdl.Model
import io.fluentdl.ModelSpec
import io.fluentdl.data.Circles
import io.fluentdl.examples.RandomSearchCoarseToFine.BATCH_SIZE
import io.fluentdl.examples.RandomSearchCoarseToFine.EPOCHS
import io.fluentdl.examples.RandomSearchCoarseToFine.QUICK_EPOCHS
import io.fluentdl.examples.RandomSearchCoarseToFine.QUICK_TRIALS_PER_ROUND
import io.fluentdl.examples.RandomSearchCoarseToFine.ROUNDS
import io.fluentdl.examples.RandomSearchCoarseToFine.SEED
import io.fluentdl.examples.RandomSearchCoarseToFine.TOP_K
import io.fluentdl.examples.RandomSearchCoarseToFine.TRIALS_PER_ROUND
import io.fluentdl.kotlin.randomSearch
import io.fluentdl.kotlin.searchSpace
import io.fluentdl.kotlin.sequential
import io.fluentdl.kotlin.sgd
import io.fluentdl.layers.BnPlacement.AFTER_ACTIVATION
import io.fluentdl.nn.Activation.RELU
import io.fluentdl.nn.Activation.SIGMOID
import io.fluentdl.nn.Init.HE_UNIFORM
import io.fluentdl.nn.Loss.BINARY_CROSSENTROPY
import io.fluentdl.search.CoarseToFine
import io.fluentdl.search.SearchSpace
import io.fluentdl.callbacks.Callback
import io.fluentdl.train.EpochMetrics

// A random search on sound scales, run coarse-to-fine, printing every trial and the best spec;
// Kotlin twin of RandomSearchCoarseToFine.java (same constants). Each Hp is named after its property.

/** The case-study model with the searched width, learning rate and momentum. */
fun circlesSpace(): SearchSpace<ModelSpec> = searchSpace("circles-search") {
    val units by intRange(8, 64)
    val lr by logUniform(1e-3, 1.0)
    val momentum by oneMinusLogUniform(0.5, 0.99)   // 1 - momentum is log-uniform
    model { trial ->
        sequential("circles") {
            input(2)
            dense(trial[units], RELU, HE_UNIFORM)
            batchNorm()
            output(1, SIGMOID, BINARY_CROSSENTROPY)
            batchNormPlacement = AFTER_ACTIVATION
            optimizer = sgd(trial[lr], momentum = trial[momentum])
            seed = 1
        }
    }
}

fun main(args: Array<String>) {
    val options = ExampleArgs.parse(*args)
    val epochs = options.epochs(QUICK_EPOCHS, EPOCHS)
    val trials = if (options.quick) QUICK_TRIALS_PER_ROUND else TRIALS_PER_ROUND
    // 1. Data: make_circles; the first half trains, the second half scores each trial
    val all = Circles.dataset(1000, 0.1, 1)
    val (train, validation) = all.slice(0, 500) to all.slice(500, 1000)
    // 2. Search: random points, then a round in a box around the best TOP_K (padded by 10% per axis)
    val result = randomSearch(circlesSpace(), trials, SEED)
        .coarseToFine(ROUNDS, TOP_K, CoarseToFine.DEFAULT_PADDING)
        .maximize()
        .objective { spec, _, reporter ->
            Model.of(spec)
                .fit(train, epochs, BATCH_SIZE, validation, Callback.atEpochEnd { m: EpochMetrics -> reporter.report(m.epoch, m.validationAccuracy) })
                .last().validationAccuracy
        }
        .run()
    // 3. Every trial, then the best parameters and the spec they build
    println(result.table())
    println("best ${result.bestParams()}\n${result.bestModel().summary()}")
}
