package io.fluentdl.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuInfoTest {

    @Test
    void readsAvx512FlagFromCpuinfo(@TempDir Path dir) throws Exception {
        Path with = Files.writeString(dir.resolve("with"), "flags\t\t: fpu sse2 avx2 avx512f avx512dq\n");
        Path without = Files.writeString(dir.resolve("without"), "flags\t\t: fpu sse2 avx2 fma\n");
        // avx512vl alone (no avx512f) is not enough, and the word must match whole
        Path partial = Files.writeString(dir.resolve("partial"), "flags\t\t: avx2 xavx512fx avx512vl avx512fp16\n");
        assertEquals(true, CpuInfo.hasAvx512(with));
        assertEquals(false, CpuInfo.hasAvx512(without));
        assertEquals(false, CpuInfo.hasAvx512(partial));
        assertNull(CpuInfo.hasAvx512(dir.resolve("missing")));
    }

    @Test
    void readsTheFirstBlocksFieldsAndFallsBackToTheArchitecture(@TempDir Path dir) throws Exception {
        Path two = Files.writeString(dir.resolve("two"), """
                processor\t: 0
                model name\t: AMD EPYC 9R14
                flags\t\t: fpu avx2

                processor\t: 1
                model name\t: other
                """);
        assertEquals("AMD EPYC 9R14", CpuInfo.model(two));
        assertEquals(Optional.of("0"), CpuInfo.field(two, "processor"));
        assertEquals(Optional.empty(), CpuInfo.field(two, "model"), "a name matches whole, not as a prefix");
        assertEquals(System.getProperty("os.arch"), CpuInfo.model(dir.resolve("missing")));
    }
}
