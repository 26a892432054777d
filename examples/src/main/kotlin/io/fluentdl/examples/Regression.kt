@file:JvmName("RegressionKotlin")

package io.fluentdl.examples

import io.fluentdl.Model
import io.fluentdl.ModelSpec
import io.fluentdl.kotlin.adam
import io.fluentdl.kotlin.sequential
import io.fluentdl.nn.Activation.IDENTITY
import io.fluentdl.nn.Activation.RELU
import io.fluentdl.nn.Init.HE_UNIFORM
import io.fluentdl.nn.Loss.MSE
import io.fluentdl.train.Metric.MAE
import io.fluentdl.train.Metric.R2
import io.fluentdl.train.Metric.RMSE

// A regression on Friedman #1, reported with MSE, MAE, RMSE and R2 (no accuracy); Kotlin twin of
// Regression.java (same data, constants and yardsticks).

/** Two hidden layers of 64 ReLU units and one linear output unit, MSE loss, Adam. */
fun regressionSpec(): ModelSpec = sequential("regression") {
    input(Regression.Friedman.INPUTS)
    dense(64, RELU, HE_UNIFORM)
    dense(64, RELU, HE_UNIFORM)
    output(1, IDENTITY, MSE)
    metrics(MAE, RMSE, R2)
    optimizer = adam(3e-3)
    seed = 42
}

fun main(args: Array<String>) {
    val options = ExampleArgs.parse(*args)
    val train = Regression.Friedman.sample(Regression.TRAIN, 1)
    val test = Regression.Friedman.sample(Regression.TEST, 2)
    val spec = regressionSpec()
    println(spec.summary())
    val model = Model.of(spec)
    val history = model.fit(train.dataset(), options.epochs(Regression.QUICK_EPOCHS, Regression.EPOCHS),
        Regression.BATCH_SIZE, test.dataset())
    val last = history.last().metrics()
    println("after %d epochs: val_mae %.3f, val_rmse %.3f, val_r2 %.3f".format(
        history.epochs().size, last["val_mae"], last["val_rmse"], last["val_r2"]))
    val e = model.evaluate(test.dataset())
    println("test (%d examples, kind %s): mse %.3f, mae %.3f, rmse %.3f, r2 %.3f".format(
        e.count(), e.kind(), e.metric("mse"), e.metric("mae"), e.metric("rmse"), e.metric("r2")))
    val baseline = test.mseOf(train.mean())
    println("yardsticks: predicting the training mean: mse %.3f, r2 %.3f; noise floor: mse %.3f".format(
        baseline, 1 - baseline / test.variance(), Regression.NOISE * Regression.NOISE))
}
