package io.fluentdl.internal.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The native build is chosen once per process, on the first ND4J touch, before ND4J loads native code. */
class NativeBuildTest {

    /** A fresh JVM whose first act is a plain ND4J call: no FluentDL class runs before ND4J starts. */
    public static final class FirstTouchIsNd4j {
        public static void main(String[] args) {
            Nd4j.create(1); // ND4J's own entry: Nd4jBackend.load() instantiates the bootstrap service
            NativeBuild.Choice c = NativeBuild.select();
            System.out.printf("decisions=%d nativeLoadedFirst=%s%n", NativeBuild.decisions(), c.nativeLoadedFirst());
        }
    }

    @Test
    void aPlainNd4jCallInAFreshJvmChoosesOnceBeforeTheNativeLibraryLoads() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                FirstTouchIsNd4j.class.getName()).redirectErrorStream(true).start();
        String out = read(p);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        // without the service hook this reads decisions=0 (nobody chose); a choice made after the
        // library loaded would read nativeLoadedFirst=true
        assertTrue(out.contains("decisions=1 nativeLoadedFirst=false"), out);
    }

    @Test
    void selectIsIdempotentAcrossThreads() {
        Nd4j.create(1);
        List<NativeBuild.Choice> choices = IntStream.range(0, 8).parallel().mapToObj(i -> NativeBuild.select()).toList();
        choices.forEach(c -> assertSame(choices.get(0), c));
        assertEquals(1, NativeBuild.decisions());
        assertFalse(choices.get(0).nativeLoadedFirst(), choices.get(0).toString());
    }

    @Test
    void theBootstrapIsNeverTheChosenBackend() {
        Nd4jBootstrap hook = new Nd4jBootstrap();
        assertFalse(hook.isAvailable());
        assertEquals(Integer.MIN_VALUE, hook.getPriority());
        assertTrue(Nd4j.getBackend().getClass().getName().contains("CpuBackend"), Nd4j.getBackend().getClass().getName());
    }

    private static String read(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
