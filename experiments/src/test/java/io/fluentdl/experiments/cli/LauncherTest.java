package io.fluentdl.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real {@code ./fluentdl} script, as a child process, from another working directory. It runs
 * on the test class path (FLUENTDL_CLASSPATH) so that it does not start a Maven build inside Maven.
 */
class LauncherTest {

    @Test
    void listRunsThroughTheLauncherFromAnyFolder() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("fluentdl.repo.root", "..")).toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder(root.resolve("fluentdl").toString(), "list")
                .directory(root.resolve("experiments").toFile());
        pb.environment().put("FLUENTDL_CLASSPATH", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")));
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        assertEquals("", err);
        assertTrue(out.startsWith("bn-case-study  "), out);
        assertTrue(out.lines().allMatch(line -> line.matches("[a-z0-9-]+ {2,}\\S.*")), out);
    }
}
