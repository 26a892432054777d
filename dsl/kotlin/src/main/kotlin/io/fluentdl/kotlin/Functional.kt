package io.fluentdl.kotlin

import io.fluentdl.Functional
import io.fluentdl.GraphSpec
import io.fluentdl.graph.Node
import io.fluentdl.graph.Op
import io.fluentdl.layers.BnPlacement
import io.fluentdl.optim.Optimizer

/**
 * Keras' call syntax for the functional API: `Layers.dense(16, RELU)(x)` is `Layers.dense(16, RELU).apply(x)`.
 *
 * ```kotlin
 * val a = Input.of("a", 3)
 * val b = Input.of("b", 3)
 * val h = Layers.dense(16, RELU)(Layers.concatenate(a, b))
 * val y = Layers.output(2, SOFTMAX, CATEGORICAL_CROSSENTROPY)(h)
 * val spec = functional("two-inputs", listOf(a, b), listOf(y)) { optimizer = adam(3e-3) }
 * ```
 */
operator fun Op.invoke(vararg inputs: Node): Node = apply(*inputs)

/**
 * A functional model from its input and output nodes, Java's `Functional.model(name, inputs, outputs)...build()`:
 * the same immutable [GraphSpec], checked the same way at the end of the block.
 */
fun functional(name: String, inputs: List<Node>, outputs: List<Node>, block: FunctionalScope.() -> Unit = {}): GraphSpec =
    FunctionalScope(Functional.model(name, inputs, outputs)).apply(block).builder.build()

/** The receiver of [functional]: the model-wide settings, as in [SequentialScope]. */
@FluentDlDsl
class FunctionalScope internal constructor(@PublishedApi internal val builder: Functional) {

    /** The batch-norm switch for dense/conv nodes read only by a batch norm; see [Functional.batchNormPlacement]. */
    var batchNormPlacement: BnPlacement
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.batchNormPlacement(value)
        }

    /** The optimizer, e.g. `adam(3e-3)`; default Keras' rmsprop. */
    var optimizer: Optimizer
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.optimizer(value)
        }

    /** The seed of weight init, dropout masks and batch order. */
    var seed: Long
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.seed(value)
        }
}
