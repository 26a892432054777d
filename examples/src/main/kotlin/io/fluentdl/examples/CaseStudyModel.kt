@file:JvmName("CaseStudyModelKotlin")

package io.fluentdl.examples

import io.fluentdl.ModelSpec
import io.fluentdl.kotlin.sequential
import io.fluentdl.kotlin.sgd
import io.fluentdl.layers.BnPlacement
import io.fluentdl.layers.BnPlacement.AFTER_ACTIVATION
import io.fluentdl.layers.BnPlacement.BEFORE_ACTIVATION
import io.fluentdl.nn.Activation.RELU
import io.fluentdl.nn.Activation.SIGMOID
import io.fluentdl.nn.Init.HE_UNIFORM
import io.fluentdl.nn.Loss.BINARY_CROSSENTROPY

// The batch-norm case-study model and its summary for both BN placements; Kotlin twin of CaseStudyModel.java.

/** The case-study spec with batch norm before or after the ReLU. */
fun caseStudy(placement: BnPlacement): ModelSpec = sequential("bn-case-study") {
    input(2)
    dense(50, RELU, HE_UNIFORM)
    batchNorm()
    output(1, SIGMOID, BINARY_CROSSENTROPY)
    batchNormPlacement = placement            // the one switch
    optimizer = sgd(0.01, momentum = 0.9)
    seed = 1
}

fun main(args: Array<String>) {
    ExampleArgs.parse(*args) // nothing to train: --quick changes nothing
    // Print the summary of both placements: BEFORE drops the dense bias that BN's beta replaces
    for (placement in listOf(BEFORE_ACTIVATION, AFTER_ACTIVATION)) {
        println(caseStudy(placement).summary())
    }
}
