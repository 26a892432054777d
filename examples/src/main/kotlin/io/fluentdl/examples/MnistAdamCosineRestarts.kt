@file:JvmName("MnistAdamCosineRestartsKotlin")

package io.fluentdl.examples

import io.fluentdl.Model
import io.fluentdl.ModelSpec
import io.fluentdl.data.Mnist
import io.fluentdl.examples.MnistAdamCosineRestarts.BATCH_SIZE
import io.fluentdl.examples.MnistAdamCosineRestarts.EPOCHS
import io.fluentdl.examples.MnistAdamCosineRestarts.QUICK_EPOCHS
import io.fluentdl.examples.MnistAdamCosineRestarts.QUICK_TEST
import io.fluentdl.examples.MnistAdamCosineRestarts.QUICK_TRAIN
import io.fluentdl.kotlin.adam
import io.fluentdl.kotlin.cosineRestarts
import io.fluentdl.kotlin.iterations
import io.fluentdl.kotlin.sequential
import io.fluentdl.nn.Activation.RELU
import io.fluentdl.nn.Activation.SOFTMAX
import io.fluentdl.nn.Init.HE_UNIFORM
import io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY
import io.fluentdl.callbacks.Callback
import io.fluentdl.train.EpochMetrics
import java.nio.file.Files
import kotlin.io.path.deleteExisting

// An MNIST MLP trained with Adam under cosine annealing with warm restarts, evaluated, saved, loaded back and evaluated again;
// Kotlin twin of MnistAdamCosineRestarts.java (same constants).

/** The MLP; `stepsPerEpoch` sets the schedule's first period (two epochs). */
fun mnistMlp(stepsPerEpoch: Int): ModelSpec = sequential("mnist-mlp") {
    input(Mnist.PIXELS)
    dense(512, RELU, HE_UNIFORM); dropout(0.2)
    dense(256, RELU, HE_UNIFORM); dropout(0.2)
    output(Mnist.CLASSES, SOFTMAX, CATEGORICAL_CROSSENTROPY)
    optimizer = adam(cosineRestarts(peak = 1e-3, firstPeriod = iterations(2 * stepsPerEpoch),
                                    periodMultiplier = 2.0, minLearningRate = 1e-5))
    seed = 42
}

fun main(args: Array<String>) {
    val options = ExampleArgs.parse(*args)
    val epochs = options.epochs(QUICK_EPOCHS, EPOCHS)
    // 1. Data: from --data, else FLUENTDL_MNIST_DIR, else DL4J's cache, else the shipped copy (--quick: the first 2,000 / 500 images)
    val mnist = if (options.quick) Mnist.load(options.data, QUICK_TRAIN, QUICK_TEST) else Mnist.load(options.data)
    println("MNIST from ${mnist.source}: ${mnist.train.size()} train, ${mnist.test.size()} test images")
    // 2. Model and summary; the schedule counts mini-batches, so it needs the steps per epoch
    val model = Model.of(mnistMlp(MnistAdamCosineRestarts.stepsPerEpoch(mnist.train.size())))
    println(model.spec().summary())
    // 3. Train, printing each epoch
    model.fit(mnist.train, epochs, BATCH_SIZE, mnist.test, Callback.atEpochEnd { m: EpochMetrics ->
        println("epoch %2d  loss %.4f  train %.4f  test %.4f  lr %.2e  %.1fs".format(m.epoch, m.trainLoss,
            m.trainAccuracy, m.validationAccuracy, m.learningRate, m.seconds))
    })
    // 4. Evaluate
    val accuracy = model.evaluate(mnist.test).accuracy
    // 5. Save (weights, Adam moments, spec), load back and evaluate again: the same accuracy
    val file = Files.createTempFile("mnist-mlp", ".zip")
    model.save(file)
    val reloaded = Model.load(file).evaluate(mnist.test).accuracy
    file.deleteExisting()
    println("test accuracy %.4f, after save and load %.4f".format(accuracy, reloaded))
    check(reloaded == accuracy) { "the loaded model scored $reloaded, the saved one $accuracy" }
}
