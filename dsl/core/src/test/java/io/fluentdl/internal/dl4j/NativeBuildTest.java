package io.fluentdl.internal.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeBuildTest {

    @Test
    void readsAvx512FlagFromCpuinfo(@TempDir Path dir) throws Exception {
        Path with = Files.writeString(dir.resolve("with"), "flags\t\t: fpu sse2 avx2 avx512f avx512dq\n");
        Path without = Files.writeString(dir.resolve("without"), "flags\t\t: fpu sse2 avx2 fma\n");
        // avx512vl alone (no avx512f) is not enough, and the word must match whole
        Path partial = Files.writeString(dir.resolve("partial"), "flags\t\t: avx2 xavx512fx avx512vl\n");
        assertEquals(true, NativeBuild.cpuHasAvx512(with));
        assertEquals(false, NativeBuild.cpuHasAvx512(without));
        assertEquals(false, NativeBuild.cpuHasAvx512(partial));
        assertNull(NativeBuild.cpuHasAvx512(dir.resolve("missing")));
    }
}
