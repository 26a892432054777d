package io.fluentdl.kotlin

import io.fluentdl.errors.InvalidConfigException
import io.fluentdl.optim.AdaDelta
import io.fluentdl.optim.AdaGrad
import io.fluentdl.optim.Adam
import io.fluentdl.optim.RmsProp
import io.fluentdl.optim.Sgd
import io.fluentdl.schedule.LearningRate

// Optimizer helpers: `optimizer = sgd(0.01, momentum = 0.9)`. Each builds the Java record in one call,
// with the Java defaults; a learning rate is a number or a schedule (LearningRate), never both.

/**
 * SGD, plain or with momentum: `sgd(0.01)`, `sgd(0.01, momentum = 0.9)` (classical, heavy ball),
 * `sgd(0.01, nesterov = 0.9)`. Passing both `momentum` and `nesterov` is an error.
 * Default learning rate [Sgd.DEFAULT_LEARNING_RATE]. Java: `Sgd.of(lr).momentum(m)` / `.nesterov(m)`.
 */
fun sgd(learningRate: Double = Sgd.DEFAULT_LEARNING_RATE, momentum: Double? = null, nesterov: Double? = null): Sgd =
    sgd(LearningRate.constant(learningRate), momentum, nesterov)

/** SGD with a learning-rate schedule; see the other [sgd]. */
fun sgd(learningRate: LearningRate, momentum: Double? = null, nesterov: Double? = null): Sgd = when {
    momentum != null && nesterov != null -> throw InvalidConfigException.of(
        "Sgd", "nesterov", nesterov,
        String.format("pass momentum (classical) or nesterov, not both, got momentum=%s, nesterov=%s", momentum, nesterov),
        "Keep one of them",
    )
    nesterov != null -> Sgd.of(learningRate).nesterov(nesterov)
    momentum != null -> Sgd.of(learningRate).momentum(momentum)
    else -> Sgd.of(learningRate)
}

/**
 * Adam and its variants (AdaMax, Nadam, AMSGrad) with Keras' defaults: `adam(1e-3)`,
 * `adam(cosineRestarts(...))`, `adam(1e-3, variant = AMSGRAD)`. Java: [Adam.of] and its withers.
 */
fun adam(
    learningRate: Double = Adam.DEFAULT_LEARNING_RATE,
    beta1: Double = Adam.DEFAULT_BETA1,
    beta2: Double = Adam.DEFAULT_BETA2,
    epsilon: Double = Adam.DEFAULT_EPSILON,
    variant: Adam.Variant = Adam.Variant.ADAM,
): Adam = adam(LearningRate.constant(learningRate), beta1, beta2, epsilon, variant)

/** Adam with a learning-rate schedule; see the other [adam]. */
fun adam(
    learningRate: LearningRate,
    beta1: Double = Adam.DEFAULT_BETA1,
    beta2: Double = Adam.DEFAULT_BETA2,
    epsilon: Double = Adam.DEFAULT_EPSILON,
    variant: Adam.Variant = Adam.Variant.ADAM,
): Adam = Adam(learningRate, beta1, beta2, epsilon, variant)

/** RMSProp with Keras' defaults (DL4J's differ): `rmsProp(1e-3, rho = 0.9)`. Java: [RmsProp.of]. */
fun rmsProp(
    learningRate: Double = RmsProp.DEFAULT_LEARNING_RATE,
    rho: Double = RmsProp.DEFAULT_RHO,
    epsilon: Double = RmsProp.DEFAULT_EPSILON,
): RmsProp = rmsProp(LearningRate.constant(learningRate), rho, epsilon)

/** RMSProp with a learning-rate schedule. */
fun rmsProp(
    learningRate: LearningRate,
    rho: Double = RmsProp.DEFAULT_RHO,
    epsilon: Double = RmsProp.DEFAULT_EPSILON,
): RmsProp = RmsProp(learningRate, rho, epsilon)

/** AdaGrad: `adaGrad(0.01)`. Java: [AdaGrad.of]. */
fun adaGrad(learningRate: Double = AdaGrad.DEFAULT_LEARNING_RATE, epsilon: Double = AdaGrad.DEFAULT_EPSILON): AdaGrad =
    adaGrad(LearningRate.constant(learningRate), epsilon)

/** AdaGrad with a learning-rate schedule. */
fun adaGrad(learningRate: LearningRate, epsilon: Double = AdaGrad.DEFAULT_EPSILON): AdaGrad =
    AdaGrad(learningRate, epsilon)

/** AdaDelta (no learning rate, as in the paper and DL4J): `adaDelta(rho = 0.95)`. Java: [AdaDelta.defaults]. */
fun adaDelta(rho: Double = AdaDelta.DEFAULT_RHO, epsilon: Double = AdaDelta.DEFAULT_EPSILON): AdaDelta =
    AdaDelta(rho, epsilon)

/** A fixed learning rate, for the schedule overloads: `constant(1e-3)`. Java: [LearningRate.constant]. */
fun constant(learningRate: Double): LearningRate = LearningRate.constant(learningRate)
