package io.fluentdl.kotlin

import io.fluentdl.ModelSpec
import io.fluentdl.Sequential
import io.fluentdl.train.Metric
import io.fluentdl.layers.BatchNorm
import io.fluentdl.layers.BnPlacement
import io.fluentdl.layers.DenseOptions
import io.fluentdl.layers.Regularization
import io.fluentdl.nn.Activation
import io.fluentdl.nn.Init
import io.fluentdl.nn.Loss
import io.fluentdl.optim.Optimizer

/**
 * A model as a stack of layers, Keras' `Sequential`, written as a Kotlin block:
 *
 * ```kotlin
 * val caseStudy = sequential("bn-case-study") {
 *     input(2)
 *     dense(50, RELU, HE_UNIFORM)
 *     batchNorm()
 *     output(1, SIGMOID, BINARY_CROSSENTROPY)
 *     batchNormPlacement = BEFORE_ACTIVATION
 *     optimizer = sgd(0.01, momentum = 0.9)
 *     seed = 1
 * }
 * ```
 * Returns the same immutable [ModelSpec] as the Java builder ([Sequential.named] ... `build()`), checked
 * the same way: each argument at its call, the whole stack at the end of the block.
 */
fun sequential(name: String, block: SequentialScope.() -> Unit): ModelSpec =
    SequentialScope(Sequential.named(name)).apply(block).builder.build()

/**
 * A variant of this spec, Java's `spec.toBuilder()...build()`: the block starts from this spec's layers
 * and settings, e.g. `caseStudy.variant { batchNormPlacement = AFTER_ACTIVATION }`.
 */
fun ModelSpec.variant(block: SequentialScope.() -> Unit): ModelSpec =
    SequentialScope(toBuilder()).apply(block).builder.build()

/**
 * The receiver of [sequential] and [variant]. Each function is one call of the wrapped [Sequential];
 * named arguments replace Java's option lambdas, and their defaults are the Java constants. An
 * argument left `null` means "the Java default", for options that Java keeps unset until asked.
 */
@FluentDlDsl
class SequentialScope internal constructor(@PublishedApi internal val builder: Sequential) {

    /** The model's name (to rename a [variant]). */
    var name: String
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.name(value)
        }

    /** The model-wide batch-norm switch; default [BnPlacement.AS_WRITTEN]. See [BnPlacement]. */
    var batchNormPlacement: BnPlacement
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.batchNormPlacement(value)
        }

    /** The optimizer, e.g. `sgd(0.01, momentum = 0.9)`; default [Sequential.DEFAULT_OPTIMIZER] (Keras' rmsprop). */
    var optimizer: Optimizer
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.optimizer(value)
        }

    /** The seed of weight init, dropout masks and batch order; default [Sequential.DEFAULT_SEED]. */
    var seed: Long
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.seed(value)
        }

    /** The number of input features; Keras' `Input(shape=(size,))`. */
    fun input(size: Int) {
        builder.input(size)
    }

    /**
     * What `fit` measures and logs each epoch besides loss and accuracy, Keras' `metrics=[...]`, e.g.
     * `metrics(MAE, RMSE, R2)` for a regression; Java's [Sequential.metrics].
     */
    fun metrics(vararg chosen: Metric) {
        builder.metrics(*chosen)
    }

    /** Batch norm on the raw inputs (independent of [batchNormPlacement]); options as in [batchNorm]. */
    fun inputBatchNorm(
        momentum: Double = BatchNorm.DEFAULT_MOMENTUM,
        epsilon: Double = BatchNorm.DEFAULT_EPSILON,
        center: Boolean? = null,
        scale: Boolean? = null,
        name: String? = null,
    ) {
        builder.inputBatchNorm { it.set(momentum, epsilon, center, scale, name) }
    }

    /**
     * A dense hidden layer: `dense(50, RELU, HE_UNIFORM, useBias = true, l2 = 1e-4)`.
     *
     * @param init    weight initialiser, default [Init.KERAS_DEFAULT] (glorot_uniform)
     * @param useBias null: kept, except before a batch norm placed BEFORE_ACTIVATION (see [DenseOptions.useBias])
     * @param l1      Keras L1 penalty on the weights, ≥ 0
     * @param l2      Keras L2 penalty on the weights, ≥ 0
     * @param weightDecay decoupled weight decay, ≥ 0 (see [Regularization])
     * @param name    null: the automatic `dense_k`
     * @param trainable false: frozen, Keras' `trainable=False` (see [freeze])
     */
    fun dense(
        units: Int,
        activation: Activation,
        init: Init = Init.KERAS_DEFAULT,
        useBias: Boolean? = null,
        l1: Double = Regularization.NONE.l1(),
        l2: Double = Regularization.NONE.l2(),
        weightDecay: Double = Regularization.NONE.weightDecay(),
        name: String? = null,
        trainable: Boolean = true,
    ) {
        builder.dense(units, activation, init) { it.set(useBias, l1, l2, weightDecay, name).trainable(trainable) }
    }

    /**
     * Batch norm with Keras semantics: `batchNorm(momentum = 0.9)`.
     *
     * @param momentum running-average momentum in [0, 1), default [BatchNorm.DEFAULT_MOMENTUM]
     * @param epsilon  added to the variance, > 0, default [BatchNorm.DEFAULT_EPSILON]
     * @param center   null: learn β (Java default); DL4J can only fix β and γ together
     * @param scale    null: learn γ (Java default)
     * @param name     null: the automatic `batch_norm_k`
     * @param trainable false: frozen, in inference mode with fixed statistics (see [freeze])
     */
    fun batchNorm(
        momentum: Double = BatchNorm.DEFAULT_MOMENTUM,
        epsilon: Double = BatchNorm.DEFAULT_EPSILON,
        center: Boolean? = null,
        scale: Boolean? = null,
        name: String? = null,
        trainable: Boolean = true,
    ) {
        builder.batchNorm { it.set(momentum, epsilon, center, scale, name).trainable(trainable) }
    }

    /**
     * Makes the named layers non-trainable, Keras' `trainable = False`: `freeze("dense_1", "batch_norm_1")`;
     * Java's [Sequential.freeze]. Names are checked when the spec is built.
     */
    fun freeze(vararg layerNames: String) {
        builder.freeze(*layerNames)
    }

    /** Dropout of the fraction `rate` in [0, 1) of the inputs (Keras' meaning: the fraction to DROP). */
    fun dropout(rate: Double) {
        builder.dropout(rate)
    }

    /** An activation on its own, e.g. after a linear dense layer and a batch norm. */
    fun activation(activation: Activation) {
        builder.activation(activation)
    }

    /**
     * The output layer with its loss: `output(10, SOFTMAX, CATEGORICAL_CROSSENTROPY)`; options as in [dense]
     * (`useBias` null: kept).
     */
    fun output(
        units: Int,
        activation: Activation,
        loss: Loss,
        init: Init = Init.KERAS_DEFAULT,
        useBias: Boolean? = null,
        l1: Double = Regularization.NONE.l1(),
        l2: Double = Regularization.NONE.l2(),
        weightDecay: Double = Regularization.NONE.weightDecay(),
        name: String? = null,
    ) {
        builder.output(units, activation, loss, init) { it.set(useBias, l1, l2, weightDecay, name) }
    }
}

/** Named arguments onto Java's [DenseOptions]; null leaves the Java default. */
private fun DenseOptions.set(useBias: Boolean?, l1: Double, l2: Double, weightDecay: Double, name: String?): DenseOptions {
    useBias?.let { useBias(it) }
    name?.let { name(it) }
    return l1(l1).l2(l2).weightDecay(weightDecay)
}

/** Named arguments onto Java's [BatchNorm.Options]; null leaves the Java default. */
private fun BatchNorm.Options.set(
    momentum: Double,
    epsilon: Double,
    center: Boolean?,
    scale: Boolean?,
    name: String?,
): BatchNorm.Options {
    center?.let { center(it) }
    scale?.let { scale(it) }
    name?.let { name(it) }
    return momentum(momentum).epsilon(epsilon)
}
