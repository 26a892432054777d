package io.fluentdl.kotlin

/**
 * Marks FluentDL's DSL scopes ([SequentialScope], and the search-space scope). Kotlin then refuses to
 * call a function of an *outer* scope from inside an inner block through the implicit receiver, so a
 * stray `dense(...)` or `logUniform(...)` in the wrong block is a compile error, not a silent layer or
 * hyperparameter added to the enclosing model.
 */
@DslMarker
@Target(AnnotationTarget.CLASS, AnnotationTarget.TYPE)
annotation class FluentDlDsl

internal const val WRITE_ONLY = "write-only in the DSL: set it; read the value from the built ModelSpec"
