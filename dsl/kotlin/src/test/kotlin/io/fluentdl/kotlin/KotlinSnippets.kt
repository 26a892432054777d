package io.fluentdl.kotlin

import org.jetbrains.kotlin.cli.common.ExitCode
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler
import java.io.ByteArrayOutputStream
import java.io.File
import java.io.PrintStream
import java.nio.file.Files

/**
 * Compiles Kotlin snippets against this module's classes with the real compiler (K2JVMCompiler from
 * kotlin-compiler-embeddable), to test that some code does NOT compile.
 */
object KotlinSnippets {

    /** The compiler's exit code and its diagnostics, one per line ("file.kt:3:5: error: ..."). */
    data class Result(val exitCode: ExitCode, val output: String) {
        fun errorsIn(file: String): List<String> =
            output.lines().filter { it.contains("$file:") && it.contains(": error: ") }
    }

    /** Compiles all snippets (file name to source) in one compiler run, which is much faster than one run each. */
    fun compile(snippets: Map<String, String>): Result {
        val dir = Files.createTempDirectory("fluentdl-snippets").toFile()
        try {
            val sources = snippets.map { (name, code) -> File(dir, name).apply { writeText(code) }.path }
            val out = ByteArrayOutputStream()
            val exit = PrintStream(out, true, Charsets.UTF_8).use { stream ->
                K2JVMCompiler().exec(
                    stream,
                    "-classpath", testClassPath(),
                    "-no-stdlib", "-no-reflect", // the stdlib is on the class path already
                    "-jvm-target", "17",
                    "-d", File(dir, "out").path,
                    *sources.toTypedArray(),
                )
            }
            return Result(exit, out.toString(Charsets.UTF_8).replace(dir.path + File.separator, ""))
        } finally {
            dir.deleteRecursively()
        }
    }

    /** Surefire's test class path (this module's classes, fluentdl-dsl, the Kotlin stdlib); its own jar is a manifest-only one. */
    private fun testClassPath(): String =
        (System.getProperty("surefire.test.class.path") ?: System.getProperty("java.class.path"))
            .split(File.pathSeparator)
            .filterNot { it.contains("kotlin-compiler-embeddable") }
            .joinToString(File.pathSeparator)
}
