@file:JvmName("LrRangeThenTrainKotlin")

package io.fluentdl.examples

import io.fluentdl.Model
import io.fluentdl.ModelSpec
import io.fluentdl.data.Circles
import io.fluentdl.examples.LrRangeThenTrain.BATCH_SIZE
import io.fluentdl.examples.LrRangeThenTrain.EPOCHS
import io.fluentdl.examples.LrRangeThenTrain.FROM
import io.fluentdl.examples.LrRangeThenTrain.ITERATIONS
import io.fluentdl.examples.LrRangeThenTrain.QUICK_EPOCHS
import io.fluentdl.examples.LrRangeThenTrain.TO
import io.fluentdl.kotlin.lrRangeTest
import io.fluentdl.kotlin.sgd
import io.fluentdl.kotlin.variant
import io.fluentdl.layers.BnPlacement.AFTER_ACTIVATION

// An LR range test on the case-study model, then training at the rate it suggests;
// Kotlin twin of LrRangeThenTrain.java (same constants).

/** The case study (BN after ReLU) with SGD, momentum 0.9, at `learningRate`. */
fun atRate(learningRate: Double): ModelSpec =
    caseStudy(AFTER_ACTIVATION).variant { optimizer = sgd(learningRate, momentum = 0.9) }

fun main(args: Array<String>) {
    val options = ExampleArgs.parse(*args)
    val epochs = options.epochs(QUICK_EPOCHS, EPOCHS)
    // 1. Data: make_circles(n=1000, noise=0.1, seed=1); the first half trains, the second half tests
    val all = Circles.dataset(1000, 0.1, 1)
    val (train, test) = all.slice(0, 500) to all.slice(500, 1000)
    // 2. Range test: lr from 1e-5 to 10 over 100 mini-batches, on a copy (the model stays untrained)
    val spec = caseStudy(AFTER_ACTIVATION)
    val range = lrRangeTest(Model.of(spec), from = FROM, to = TO, iterations = ITERATIONS).run(train, BATCH_SIZE)
    // 3. Every 10th point, and the suggestions
    range.points.filter { it.iteration % 10 == 0 }.forEach { println("lr %.2e  smoothed loss %.4f".format(it.learningRate, it.smoothedLoss)) }
    println("%s; suggested: steepest %.3g, minimum/10 %.3g".format(range.stopReason, range.suggestedSteepest(), range.suggestedMinOver10()))
    // 4. Train at both suggestions and at the case study's 0.01, and compare
    for (lr in listOf(range.suggestedSteepest(), range.suggestedMinOver10(), spec.optimizer.learningRate().initial())) {
        val last = Model.of(atRate(lr)).fit(train, epochs, BATCH_SIZE, test).last()
        println("lr %.3g: %d epochs, train %.3f, test %.3f".format(lr, epochs, last.trainAccuracy, last.validationAccuracy))
    }
}
