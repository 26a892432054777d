package io.fluentdl.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One record of the machine, read once, and the run.json keys it keeps. */
class SystemInfoTest {

    @Test
    void theMachineIsReadOncePerProcess() {
        assertSame(SystemInfo.current(), SystemInfo.current());
    }

    @Test
    void runJsonKeepsItsProvenanceKeys() {
        SystemInfo m = SystemInfo.current();
        Map<String, Object> p = SystemInfo.collect();
        assertEquals(List.of("java.version", "java.vendor", "os.name", "os.version", "os.arch", "cpu.model", "cpu.cores",
                "heap.max_bytes", "host", "gpu", "dl4j.version", "nd4j.version", "nd4j.backend"),
                List.copyOf(p.keySet()).subList(0, 13));
        assertEquals(io.fluentdl.internal.host.CpuInfo.model(), p.get("cpu.model"));
        assertEquals(Runtime.getRuntime().availableProcessors(), p.get("cpu.cores"));
        assertEquals(System.getProperty("java.version"), p.get("java.version"));
        assertTrue(m.nd4jBackend().contains("CpuBackend"), m.nd4jBackend());
        m.environment().forEach((k, v) -> assertEquals(v, p.get("env." + k)));
        assertTrue(m.dl4jVersion().startsWith("1.0.0-M2"), m.dl4jVersion());
    }

    @Test
    void experimentFormsAreBuiltFromTheSameFields() {
        SystemInfo m = new SystemInfo("17.0.15", "Debian", "OpenJDK 64-Bit Server VM", "Linux", "6.1", "amd64",
                "AMD EPYC 9R14", 2, 1L << 30, "h", "none found (no nvidia-smi)", "1.0.0-M2.1", "1.0.0-M2.1",
                Map.of("nd4j.backend", "org.nd4j.linalg.cpu.nativecpu.CpuBackend"), Map.of("OMP_NUM_THREADS", "1"));
        assertEquals("17.0.15 (OpenJDK 64-Bit Server VM, Debian)", m.java());
        assertEquals("Linux 6.1", m.os());
        assertEquals("AMD EPYC 9R14 (2 logical cores)", m.cpu());
        assertEquals("1", m.toMap().get("env.OMP_NUM_THREADS"));
        m.toMap().put("command", "x"); // a new mutable map each call: callers extend it
        assertTrue(!m.toMap().containsKey("command"));
    }
}
