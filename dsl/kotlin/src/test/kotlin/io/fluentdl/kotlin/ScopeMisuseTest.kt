package io.fluentdl.kotlin

import org.jetbrains.kotlin.cli.common.ExitCode
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/**
 * Misuse that must not compile, checked with the real Kotlin compiler. One compiler run for all
 * snippets (~10 s); the control snippet proves the set-up compiles correct code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeMisuseTest {

    private companion object {
        /** K2's wording (Kotlin 2.x) of the @DslMarker error DSL_SCOPE_VIOLATION. */
        const val IMPLICIT_RECEIVER = "cannot be called in this context with an implicit receiver"
    }

    private val header = """
        import io.fluentdl.kotlin.*
        import io.fluentdl.nn.Activation.*
        import io.fluentdl.nn.Loss.*
    """.trimIndent()

    private val snippets = mapOf(
        "Control.kt" to """
            $header
            val ok = sequential("ok") { input(2); dense(4, RELU); output(1, SIGMOID, BINARY_CROSSENTROPY); seed = 1 }
            val space = searchSpace("ok-search") {
                val units by intRange(4, 16)
                model { trial -> sequential("m") { input(2); dense(trial[units], RELU); output(1, SIGMOID, BINARY_CROSSENTROPY) } }
            }
        """.trimIndent(),
        // dense(...) in a block nested inside sequential { }: without @DslMarker it would silently add a
        // layer to the OUTER model through the outer implicit receiver
        "DenseInNestedBlock.kt" to """
            $header
            val outer = sequential("outer") {
                input(2)
                val space = searchSpace<Int>("inner") {
                    dense(8, RELU)
                    model { 1 }
                }
                output(1, SIGMOID, BINARY_CROSSENTROPY)
            }
        """.trimIndent(),
        // an Hp declared inside the model's sequential { } would silently join the search space
        "HpInNestedSequential.kt" to """
            $header
            val hpInModel = searchSpace("s") {
                val lr by logUniform(1e-4, 1e-1)
                model { trial ->
                    sequential("m") {
                        input(2)
                        val units by intRange(1, 8)
                        output(1, SIGMOID, BINARY_CROSSENTROPY)
                    }
                }
            }
        """.trimIndent(),
        // the model block is not a model: layers need a sequential { }
        "DenseInModelBlock.kt" to """
            $header
            val denseInModel = searchSpace<io.fluentdl.ModelSpec>("s") {
                val units by intRange(1, 8)
                model { trial -> dense(trial[units], RELU) }
            }
        """.trimIndent(),
        "ReadWriteOnly.kt" to """
            $header
            val bad = sequential("bad") { input(2); val s = seed; output(1, SIGMOID, BINARY_CROSSENTROPY) }
        """.trimIndent(),
    )

    private lateinit var result: KotlinSnippets.Result

    @BeforeAll
    fun compileAll() {
        result = KotlinSnippets.compile(snippets)
        println(result.output) // the exact compiler errors, kept in the surefire report
    }

    @Test
    fun controlSnippetCompiles() {
        assertEquals(ExitCode.COMPILATION_ERROR, result.exitCode, result.output) // the others fail
        assertEquals(emptyList<String>(), result.errorsIn("Control.kt"), result.output)
    }

    @Test
    fun denseInsideANestedBlockDoesNotCompile() {
        val errors = result.errorsIn("DenseInNestedBlock.kt")
        assertEquals(1, errors.size, result.output)
        assertTrue(errors.single().contains(IMPLICIT_RECEIVER), errors.single())
        assertTrue(errors.single().contains("dense"), errors.single())
    }

    @Test
    fun hpInsideTheModelsSequentialDoesNotCompile() {
        val errors = result.errorsIn("HpInNestedSequential.kt")
        assertEquals(1, errors.size, result.output)
        assertTrue(errors.single().contains(IMPLICIT_RECEIVER), errors.single())
        assertTrue(errors.single().contains("intRange"), errors.single())
    }

    @Test
    fun denseDirectlyInTheModelBlockDoesNotCompile() {
        val errors = result.errorsIn("DenseInModelBlock.kt")
        assertTrue(errors.isNotEmpty(), result.output)
        assertTrue(errors.any { it.contains("unresolved reference 'dense'") }, result.output)
    }

    @Test
    fun settingsAreWriteOnly() {
        val errors = result.errorsIn("ReadWriteOnly.kt")
        assertEquals(1, errors.size, result.output)
        assertTrue(errors.single().contains("write-only in the DSL"), errors.single())
    }
}
