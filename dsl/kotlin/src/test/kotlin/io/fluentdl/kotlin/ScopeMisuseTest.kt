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

    private val header = """
        import io.fluentdl.kotlin.*
        import io.fluentdl.nn.Activation.*
        import io.fluentdl.nn.Loss.*
    """.trimIndent()

    private val snippets = mapOf(
        "Control.kt" to """
            $header
            val ok = sequential("ok") { input(2); dense(4, RELU); output(1, SIGMOID, BINARY_CROSSENTROPY); seed = 1 }
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
    fun settingsAreWriteOnly() {
        val errors = result.errorsIn("ReadWriteOnly.kt")
        assertEquals(1, errors.size, result.output)
        assertTrue(errors.single().contains("write-only in the DSL"), errors.single())
    }
}
