@file:JvmName("SwitchBnPlacementKotlin")

package io.fluentdl.examples

import io.fluentdl.Model
import io.fluentdl.ModelSpec
import io.fluentdl.data.Circles
import io.fluentdl.kotlin.variant
import io.fluentdl.layers.BnPlacement
import io.fluentdl.layers.BnPlacement.AFTER_ACTIVATION
import io.fluentdl.layers.BnPlacement.BEFORE_ACTIVATION
import io.fluentdl.layers.BnPlacement.NONE

// Switching batch-norm placement with one line and comparing accuracies on make_circles;
// Kotlin twin of SwitchBnPlacement.java (same constants).

/** The case study with batch norm placed as asked: the variants differ in this one line. */
fun switchedTo(placement: BnPlacement): ModelSpec = caseStudy(NONE).variant { batchNormPlacement = placement }

fun main(args: Array<String>) {
    val options = ExampleArgs.parse(*args)
    val epochs = options.epochs(SwitchBnPlacement.QUICK_EPOCHS, SwitchBnPlacement.EPOCHS)
    val batchSize = SwitchBnPlacement.BATCH_SIZE
    // 1. Data: make_circles(n=1000, noise=0.1, seed=1); the first half trains, the second half tests
    val all = Circles.dataset(1000, 0.1, 1)
    val (train, test) = all.slice(0, 500) to all.slice(500, 1000)
    println("$epochs epochs, batch $batchSize")
    println("%-18s %6s %6s  %s".format("BN placement", "train", "test", "first epoch with test >= 0.80"))
    for (placement in listOf(NONE, AFTER_ACTIVATION, BEFORE_ACTIVATION)) {
        // 2. Train the variant, measuring both sets after every epoch
        val history = Model.of(switchedTo(placement)).fit(train, epochs, batchSize, test)
        // 3. Compare: final accuracies, and how soon the test accuracy passed 80%
        val last = history.last()
        val reached = history.epochs().firstOrNull { it.validationAccuracy() >= 0.80 }?.epoch()?.toString() ?: "-"
        println("%-18s %6.3f %6.3f  %s".format(placement, last.trainAccuracy(), last.validationAccuracy(), reached))
    }
}
