@file:JvmName("FunctionalTwoInputsKotlin")

package io.fluentdl.examples

import io.fluentdl.GraphSpec
import io.fluentdl.Model
import io.fluentdl.graph.Input
import io.fluentdl.graph.Layers
import io.fluentdl.kotlin.adam
import io.fluentdl.kotlin.functional
import io.fluentdl.kotlin.invoke
import io.fluentdl.nn.Activation.IDENTITY
import io.fluentdl.nn.Activation.RELU
import io.fluentdl.nn.Activation.SOFTMAX
import io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY
import io.fluentdl.nn.Loss.MSE
import java.nio.file.Files

// The functional API: two inputs, a residual block, two outputs with their own losses; Kotlin twin of
// FunctionalTwoInputs.java (same data and constants), with Keras' call syntax layer(node).

/** concat(a, b) → Dense(16) → a residual block (h + Dense(Dense(h))) → two heads. */
fun twoInputsSpec(): GraphSpec {
    val a = Input.of("a", 3)
    val b = Input.of("b", 3)
    val h = Layers.dense(16, RELU)(Layers.concatenate(a, b))
    val residual = Layers.add(h, Layers.dense(16, IDENTITY)(Layers.dense(16, RELU)(h)))
    val bigger = Layers.output(2, SOFTMAX, CATEGORICAL_CROSSENTROPY).named("bigger")(residual)
    val gap = Layers.output(1, IDENTITY, MSE).named("gap")(residual)
    return functional("two-inputs", listOf(a, b), listOf(bigger, gap)) {
        optimizer = adam(3e-3)
        seed = 42
    }
}

fun main(args: Array<String>) {
    val options = ExampleArgs.parse(*args)
    val spec = twoInputsSpec()
    println(spec.summary())
    val train = FunctionalTwoInputs.data(if (options.quick()) FunctionalTwoInputs.QUICK_TRAIN else FunctionalTwoInputs.TRAIN, 1)
    val test = FunctionalTwoInputs.data(FunctionalTwoInputs.TEST, 2)
    val model = Model.of(spec)
    model.fit(train, options.epochs(FunctionalTwoInputs.QUICK_EPOCHS, FunctionalTwoInputs.EPOCHS), FunctionalTwoInputs.BATCH_SIZE, test)
    val e = model.evaluate(test)
    println("test: bigger accuracy %.3f, gap mse %.4f, gap r2 %.3f".format(
        e.getValue("bigger").accuracy(), e.getValue("gap").metric("mse"), e.getValue("gap").metric("r2")))
    val file = Files.createTempFile("functional-two-inputs", ".zip")
    model.save(file)
    println("loaded from %s: bigger accuracy %.3f".format(file, Model.load(file).evaluate(test).getValue("bigger").accuracy()))
    Files.delete(file)
}
