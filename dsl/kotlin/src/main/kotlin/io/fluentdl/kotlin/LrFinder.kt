package io.fluentdl.kotlin

import io.fluentdl.Model
import io.fluentdl.lrfinder.LrRangeTest

/**
 * The learning-rate range test of `model` (Smith 2017), fastai's defaults unless named:
 * `lrRangeTest(Model.of(spec), from = 1e-5, to = 10.0).run(train, 32).suggestedSteepest()`.
 * The model is left untouched. Java: `LrRangeTest.on(model).from(...).to(...)...`.
 */
fun lrRangeTest(
    model: Model,
    from: Double = LrRangeTest.DEFAULT_FROM,
    to: Double = LrRangeTest.DEFAULT_TO,
    iterations: Int = LrRangeTest.DEFAULT_ITERATIONS,
    smoothing: Double = LrRangeTest.DEFAULT_SMOOTHING,
    divergeFactor: Double = LrRangeTest.DEFAULT_DIVERGE_FACTOR,
): LrRangeTest = LrRangeTest.on(model).from(from).to(to).iterations(iterations).smoothing(smoothing).divergeFactor(divergeFactor)
