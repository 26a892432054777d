package io.fluentdl.kotlin

import io.fluentdl.schedule.CosineRestarts
import io.fluentdl.schedule.Cyclical
import io.fluentdl.schedule.ExponentialDecay
import io.fluentdl.schedule.InverseTimeDecay
import io.fluentdl.schedule.LearningRate
import io.fluentdl.schedule.LinearDecay
import io.fluentdl.schedule.OneCycle
import io.fluentdl.schedule.Period
import io.fluentdl.schedule.PolynomialDecay
import io.fluentdl.schedule.StepDecay
import io.fluentdl.schedule.Warmup

// Learning-rate schedules for the optimizer helpers: `adam(cosineRestarts(peak = 1e-3,
// firstPeriod = iterations(2 * stepsPerEpoch)))`. Each builds the Java record in one call, with the
// Java defaults; the formulas, checks and DL4J forms are the Java ones (io.fluentdl.schedule).

/** A period of `n` iterations (mini-batches). Java: [Period.iterations]. */
fun iterations(n: Long): Period = Period.iterations(n)

/** A period of `n` iterations (mini-batches), for `Int` arithmetic such as `iterations(2 * stepsPerEpoch)`. */
fun iterations(n: Int): Period = Period.iterations(n.toLong())

/** A period of `n` epochs. Java: [Period.epochs]. */
fun epochs(n: Long): Period = Period.epochs(n)

/** A period of `n` epochs. */
fun epochs(n: Int): Period = Period.epochs(n.toLong())

/**
 * Cosine annealing with warm restarts (SGDR, Loshchilov & Hutter 2016): from `peak` down to
 * `minLearningRate` over `firstPeriod`, then restart; each period is `periodMultiplier` times the last
 * and each peak `peakMultiplier` times the last. Java: `CosineRestarts.peak(p).firstPeriod(t)...`.
 */
fun cosineRestarts(
    peak: Double,
    firstPeriod: Period,
    periodMultiplier: Double = CosineRestarts.DEFAULT_PERIOD_MULTIPLIER,
    peakMultiplier: Double = CosineRestarts.DEFAULT_PEAK_MULTIPLIER,
    minLearningRate: Double = CosineRestarts.DEFAULT_MIN_LEARNING_RATE,
): CosineRestarts = CosineRestarts(peak, firstPeriod, periodMultiplier, peakMultiplier, minLearningRate)

/** The one-cycle policy (Smith 2018) over `total`, with its momentum cycle. Java: `OneCycle.max(m).over(total)...`. */
fun oneCycle(
    maxLearningRate: Double,
    total: Period,
    pctStart: Double = OneCycle.DEFAULT_PCT_START,
    divFactor: Double = OneCycle.DEFAULT_DIV_FACTOR,
    finalDivFactor: Double = OneCycle.DEFAULT_FINAL_DIV_FACTOR,
    anneal: OneCycle.Anneal = OneCycle.Anneal.COSINE,
    baseMomentum: Double = OneCycle.DEFAULT_BASE_MOMENTUM,
    maxMomentum: Double = OneCycle.DEFAULT_MAX_MOMENTUM,
): OneCycle = OneCycle(maxLearningRate, total, pctStart, divFactor, finalDivFactor, anneal, baseMomentum, maxMomentum)

/** A linear warm-up from `from` over `duration`, then `after`. Java: `Warmup.linear(duration, from).then(after)`. */
fun warmup(duration: Period, after: LearningRate, from: Double = Warmup.DEFAULT_FROM): Warmup =
    Warmup.linear(duration, from).then(after)

/** A linear warm-up from `from` over `duration`, then a fixed rate. */
fun warmup(duration: Period, after: Double, from: Double = Warmup.DEFAULT_FROM): Warmup =
    Warmup.linear(duration, from).then(after)

/** Multiply by `factor` every `every`. Java: [StepDecay.of]. */
fun stepDecay(initialLearningRate: Double, factor: Double, every: Period): StepDecay =
    StepDecay.of(initialLearningRate, factor, every)

/** Keras' ExponentialDecay, `initial · decayRate^(t / decayPeriod)`. Java: [ExponentialDecay.of]. */
fun exponentialDecay(initialLearningRate: Double, decayRate: Double, decayPeriod: Period): ExponentialDecay =
    ExponentialDecay.of(initialLearningRate, decayRate, decayPeriod)

/** Keras' InverseTimeDecay. Java: [InverseTimeDecay.of] and `power(...)`. */
fun inverseTimeDecay(
    initialLearningRate: Double,
    decayRate: Double,
    decayPeriod: Period,
    power: Double = InverseTimeDecay.DEFAULT_POWER,
): InverseTimeDecay = InverseTimeDecay(initialLearningRate, decayRate, decayPeriod, power)

/** A straight line from `initialLearningRate` to a floor `endLearningRate`, then flat. Java: [LinearDecay.of]. */
fun linearDecay(initialLearningRate: Double, endLearningRate: Double, decayPeriod: Period): LinearDecay =
    LinearDecay.of(initialLearningRate, endLearningRate, decayPeriod)

/** Keras' PolynomialDecay to `endLearningRate`. Java: [PolynomialDecay.of] and `power(...)`. */
fun polynomialDecay(
    initialLearningRate: Double,
    endLearningRate: Double,
    decayPeriod: Period,
    power: Double = PolynomialDecay.DEFAULT_POWER,
): PolynomialDecay = PolynomialDecay(initialLearningRate, endLearningRate, decayPeriod, power)

/** Smith's cyclical rate, triangular: between `base` and `max`, half a cycle every `stepSize`. Java: [Cyclical.triangular]. */
fun triangular(baseLearningRate: Double, maxLearningRate: Double, stepSize: Period): Cyclical =
    Cyclical.triangular(baseLearningRate, maxLearningRate, stepSize)

/** Triangular with the amplitude halved every cycle. Java: [Cyclical.triangular2]. */
fun triangular2(baseLearningRate: Double, maxLearningRate: Double, stepSize: Period): Cyclical =
    Cyclical.triangular2(baseLearningRate, maxLearningRate, stepSize)

/** Triangular with the amplitude multiplied by `gamma` per unit of `stepSize`'s clock. Java: [Cyclical.expRange]. */
fun expRange(baseLearningRate: Double, maxLearningRate: Double, stepSize: Period, gamma: Double): Cyclical =
    Cyclical.expRange(baseLearningRate, maxLearningRate, stepSize, gamma)
